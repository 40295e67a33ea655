#include <stdio.h>
#include <string.h>

int main(void) {
    char name[100];
    if (!fgets(name, sizeof name, stdin)) return 1;
    name[strcspn(name, "\n")] = 0;
    printf("Hello, %s! 6*7=%d\n", name, 6 * 7);
    return 3;
}
