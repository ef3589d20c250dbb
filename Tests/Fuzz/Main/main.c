// Built by .ci/fuzz with -DFUZZING, this file is empty: libFuzzer supplies main and calls
// LLVMFuzzerTestOneInput in FuzzTargets. A plain build gets this main, which says how to fuzz.
#ifndef FUZZING
#include <stdio.h>

int main(void) {
    puts("badgekiosk-fuzz fuzzes only when built for it: run .ci/fuzz SECONDS [TARGET...] in the repository.");
    return 0;
}
#endif
