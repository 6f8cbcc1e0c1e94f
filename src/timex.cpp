// Text names of the Timex enums (TIMEX3 type names and dateline roles).
#include "dateline/timex.hpp"

namespace dateline {

std::string_view to_string(TimexType t) {
    switch (t) {
        case TimexType::date: return "DATE";
        case TimexType::time: return "TIME";
        case TimexType::duration: return "DURATION";
        case TimexType::set: return "SET";
    }
    return "DATE";
}

std::string_view to_string(TimexRole r) {
    switch (r) {
        case TimexRole::point: return "point";
        case TimexRole::start: return "start";
        case TimexRole::end: return "end";
        case TimexRole::range: return "range";
    }
    return "point";
}

}  // namespace dateline
