#pragma once
#include <stdexcept>
#include <string>

namespace utad {

// Every failure the user can cause (bad file, wrong folder, foreign model) is reported with this
// type and a message that names the offending path; callers show the message as it is.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace utad
