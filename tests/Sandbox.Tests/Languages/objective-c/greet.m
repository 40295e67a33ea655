#import <objc/Object.h>
#include <stdio.h>
#include <string.h>

@interface Calc : Object
+ (int)multiply:(int)a by:(int)b;
@end

@implementation Calc
+ (int)multiply:(int)a by:(int)b { return a * b; }
@end

int main(void) {
    char name[100];
    if (!fgets(name, sizeof name, stdin)) return 1;
    name[strcspn(name, "\n")] = 0;
    printf("Hello, %s! 6*7=%d\n", name, [Calc multiply:6 by:7]);
    return 3;
}
