#include <iostream>
#include <string>

int main() {
    std::string line(1000, 'x');
    for (;;) std::cout << line << '\n';
}
