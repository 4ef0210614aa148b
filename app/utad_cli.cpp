#include "utad/model.h"
#include <iostream>
int main(int argc, char** argv) {
    (void)argc; (void)argv;
    std::cout << "usage: utad train|eval|infer ...\n";
    return 0;
}
