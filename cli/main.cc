#include <cstdio>
int main() { std::puts("leakscan " LEAKSCAN_VERSION); return 0; }
