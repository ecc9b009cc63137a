// A province-tier unit has no parent.
// expect: a commune-tier unit can only be placed under a province-tier unit
#include <localgov/model/organization.hpp>

int main() {
  localgov::organization org;
  auto ha_noi = org.add_unit<localgov::municipality>("01", "Thành phố Hà Nội");
  org.add_unit<localgov::province>("25", "Tỉnh Phú Thọ", ha_noi);
}
