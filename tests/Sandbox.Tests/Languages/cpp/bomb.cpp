#include <vector>

int main() {
    std::vector<std::vector<char>> chunks;
    for (;;) chunks.emplace_back(16 << 20, 1);
}
