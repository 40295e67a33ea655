import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public class Main {
    public static void main(String[] args) throws IOException {
        String name = new BufferedReader(new InputStreamReader(System.in)).readLine();
        System.out.println("Hello, " + name + "! 6*7=" + 6 * 7);
        System.exit(3);
    }
}
