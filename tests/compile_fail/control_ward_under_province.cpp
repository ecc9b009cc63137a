// The control case: this must compile, or the failure tests prove nothing.
// (no expectation: it must compile)
#include <localgov/model/organization.hpp>

int main() {
  localgov::organization org;
  auto province = org.add_unit<localgov::province>("25", "Tỉnh Phú Thọ");
  org.add_unit<localgov::ward>("04795", "Phường Hòa Bình", province);
}
