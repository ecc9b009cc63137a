// localgov's compiled part (the localgov::compiled target): see <localgov/src.hpp>.
#include <localgov/src.hpp>
