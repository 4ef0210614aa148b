// LibTorch's intra-op thread count, read directly: the workbench must not change it behind the
// user's back. Kept apart from the Qt test code (Qt's `slots` breaks LibTorch headers).
#include <ATen/Parallel.h>

int torchThreadCount() { return at::get_num_threads(); }
