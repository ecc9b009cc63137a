// A commune cannot be placed under a special zone (both commune tier).
// expect: a commune-tier unit can only be placed under a province-tier unit
#include <localgov/model/organization.hpp>

int main() {
  localgov::organization org;
  auto province = org.add_unit<localgov::province>("91", "Tỉnh An Giang");
  auto zone = org.add_unit<localgov::special_zone>("31078", "Đặc khu Phú Quốc", province);
  org.add_unit<localgov::commune>("99999", "Xã Mới", zone);
}
