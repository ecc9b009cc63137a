// A ward cannot be placed under a ward: the compiler says so in one readable line.
// expect: a commune-tier unit can only be placed under a province-tier unit
#include <localgov/model/organization.hpp>

int main() {
  localgov::organization org;
  auto province = org.add_unit<localgov::province>("25", "Tỉnh Phú Thọ");
  auto ward = org.add_unit<localgov::ward>("04795", "Phường Hòa Bình", province);
  org.add_unit<localgov::ward>("04828", "Phường Thống Nhất", ward);
}
