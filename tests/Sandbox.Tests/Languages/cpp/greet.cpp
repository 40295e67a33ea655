#include <iostream>
#include <string>

int main() {
    std::string name;
    std::getline(std::cin, name);
    std::cout << "Hello, " << name << "! 6*7=" << 6 * 7 << std::endl;
    return 3;
}
