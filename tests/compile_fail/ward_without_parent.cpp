// A commune-tier unit needs a parent.
// expect: a commune-tier unit needs a parent
#include <localgov/model/organization.hpp>

int main() {
  localgov::organization org;
  org.add_unit<localgov::ward>("04795", "Phường Hòa Bình");
}
