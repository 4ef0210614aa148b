#pragma once
// Precompiled once for every torch-using file of the model library.
#include <ATen/CPUGeneratorImpl.h>
#include <torch/cuda.h>
#include <torch/nn.h>
#include <torch/optim.h>
#include <torch/serialize.h>
#include <torch/utils.h>
