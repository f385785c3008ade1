#ifndef ROTOR_FUZZER_DRIVER_H
#define ROTOR_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (LLVMFuzzerRunDriver) with the process arguments and `callback` as the
/// fuzz target. SwiftPM points `main` at the executable's `<module>_main` symbol, which shadows
/// libFuzzer's own `main`, so the executable defines that symbol and calls this.
int rotor_fuzzer_main(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif
