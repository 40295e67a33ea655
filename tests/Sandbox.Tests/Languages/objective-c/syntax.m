@interface Broken
- (void)missing
@end
int main(void) { return 0 }
