import java.util.ArrayList;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        List<byte[]> chunks = new ArrayList<>();
        while (true) chunks.add(new byte[16 << 20]);
    }
}
