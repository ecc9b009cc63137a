// Bodies of planning/select.hpp: benefit text and parsing, the knapsack, selection by class, explanations.
#pragma once

#include <localgov/planning/select.hpp>

#include <localgov/error.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {

LOCALGOV_DECL void unit_table::add(std::string code, unit_facts facts) {
  units_.insert_or_assign(std::move(code), std::move(facts));
}

LOCALGOV_DECL std::optional<unit_facts> unit_table::operator()(std::string_view code) const {
  if (const auto it = units_.find(code); it != units_.end()) return it->second;
  return std::nullopt;
}

LOCALGOV_DECL std::string benefit_amount::to_string() const {
  const bool negative = micros_ < 0;
  const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(micros_) : static_cast<std::uint64_t>(micros_);
  std::string out = (negative ? "-" : "") + std::to_string(magnitude / scale);
  auto fraction = magnitude % scale;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += '.';
    out += digits;
  }
  return out;
}

LOCALGOV_DECL benefit_parse parse_benefit(std::string_view text) noexcept {
  if (text.empty()) return {benefit_status::empty, {}};
  {
    std::size_t i = 0;
    const bool negative = text[0] == '-';
    if (negative) i = 1;
    std::int64_t units = 0;
    std::int64_t fraction = 0;
    std::size_t int_digits = 0, frac_digits = 0;
    bool round_up = false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++int_digits)
      if (units < 100'000'000'000) units = units * 10 + (text[i] - '0');  // saturates well above the cap
    if (i < text.size() && text[i] == '.')
      for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++frac_digits) {
        if (frac_digits < 6)
          fraction = fraction * 10 + (text[i] - '0');
        else if (frac_digits == 6)
          round_up = text[i] >= '5';
      }
    if (i == text.size() && int_digits + frac_digits > 0) {
      for (std::size_t d = frac_digits; d < 6; ++d) fraction *= 10;
      const std::int64_t micros = units * benefit_amount::scale + fraction + (round_up ? 1 : 0);
      if (negative && micros != 0) return {benefit_status::negative, {}};
      if (micros > benefit_amount::max_micros) return {benefit_status::too_large, {}};
      return {benefit_status::ok, benefit_amount::from_micros(micros)};
    }
  }
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc::invalid_argument || ptr != end) return {benefit_status::not_numeric, {}};
  if (ec == std::errc::result_out_of_range) {
    // Underflow ("1e-400") is a benefit of zero; overflow is too large or, with a sign, negative.
    const auto e = text.find_first_of("eE");
    if (e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-') return {benefit_status::ok, {}};
    return {text.front() == '-' ? benefit_status::negative : benefit_status::too_large, {}};
  }
  if (!std::isfinite(value)) return {benefit_status::not_finite, {}};
  if (value < 0) return {benefit_status::negative, {}};
  if (value > 1e9) return {benefit_status::too_large, {}};
  return {benefit_status::ok, benefit_amount::from_double(value)};
}

namespace detail {

// a * b as 128 bits, for exact ratio comparisons without a non-standard integer type.
struct wide_product {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  friend constexpr auto operator<=>(const wide_product&, const wide_product&) = default;
};

[[nodiscard]] constexpr wide_product multiply_wide(std::uint64_t a, std::uint64_t b) noexcept {
  const std::uint64_t mask = 0xFFFFFFFFu;
  const std::uint64_t a_lo = a & mask, a_hi = a >> 32, b_lo = b & mask, b_hi = b >> 32;
  const std::uint64_t p0 = a_lo * b_lo, p1 = a_lo * b_hi, p2 = a_hi * b_lo, p3 = a_hi * b_hi;
  const std::uint64_t middle = (p0 >> 32) + (p1 & mask) + (p2 & mask);
  return {p3 + (p1 >> 32) + (p2 >> 32) + (middle >> 32), (p0 & mask) | (middle << 32)};
}

// An upper bound on floor(rest * value / cost) for 0 <= rest < cost: exact when the product
// fits in 64 bits, otherwise computed in long double and rounded up past any rounding error.
[[nodiscard]] inline std::int64_t fraction_bound(std::int64_t rest, std::int64_t value, std::int64_t cost) noexcept {
  if (rest == 0) return 0;
  if (value <= std::numeric_limits<std::int64_t>::max() / rest) return rest * value / cost;
  const long double x = static_cast<long double>(rest) * static_cast<long double>(value) / static_cast<long double>(cost);
  const long double up = x + 1 + x * 1e-12L;
  return up >= static_cast<long double>(value) ? value : static_cast<std::int64_t>(up);
}

// A lower bound on floor(part * num / den) for 0 < part <= den: exact when the product fits in
// 64 bits, otherwise computed in long double and rounded down past any rounding error.
[[nodiscard]] inline std::int64_t fraction_floor(std::int64_t part, std::int64_t num, std::int64_t den) noexcept {
  if (num <= std::numeric_limits<std::int64_t>::max() / part) return part * num / den;
  const long double x = static_cast<long double>(part) * static_cast<long double>(num) / static_cast<long double>(den);
  const long double down = x - 1 - x * 1e-12L;
  return down <= 0 ? 0 : static_cast<std::int64_t>(down);
}

// Costs and values of the items still undecided, in efficiency order, as a Fenwick tree: the
// LP (Dantzig) bound for any capacity is one O(log n) descent, and deciding an item is one update.
class knapsack_fenwick {
 public:
  explicit knapsack_fenwick(std::size_t n) : cost_(n + 1), value_(n + 1), top_(1) {
    while (top_ * 2 <= n) top_ *= 2;
  }
  void add(std::size_t position, std::int64_t cost, std::int64_t value) noexcept {
    for (std::size_t i = position + 1; i < cost_.size(); i += i & (~i + 1)) {
      cost_[i] += cost;
      value_[i] += value;
    }
  }
  struct prefix {
    std::size_t end = 0;  // positions [0, end) fit, whole
    std::int64_t cost = 0;
    std::int64_t value = 0;
  };
  // The longest prefix of positions whose total cost is at most `capacity`. A decided item
  // weighs nothing, so the position after the prefix, if any, is an undecided item.
  [[nodiscard]] prefix fitting(std::int64_t capacity) const noexcept { return descend(cost_, capacity); }
  // The longest prefix of positions whose total value is at most `limit`.
  [[nodiscard]] prefix worth_at_most(std::int64_t limit) const noexcept { return descend(value_, limit); }

 private:
  [[nodiscard]] prefix descend(const std::vector<std::int64_t>& key, std::int64_t limit) const noexcept {
    prefix p;
    std::int64_t sum = 0;
    for (std::size_t step = top_; step != 0; step >>= 1) {
      const std::size_t next = p.end + step;
      if (next < key.size() && sum + key[next] <= limit) {
        p.end = next;
        sum += key[next];
        p.cost += cost_[next];
        p.value += value_[next];
      }
    }
    return p;
  }

  std::vector<std::int64_t> cost_, value_;
  std::size_t top_;
};

[[nodiscard]] inline bool add_overflows(std::int64_t a, std::int64_t b) noexcept {
  return a > std::numeric_limits<std::int64_t>::max() - b;
}

// The classic table over capacities, kept exact for the tie rules: best[c] is the greatest value
// of a subset of items k..m-1 costing exactly c, computed from the highest index down, with one
// bit per (item, capacity) saying whether that pair is reachable with item k. The best pair is the
// greatest value at the least cost; the walk back takes each item whenever the bit says it can.
// Complexity: O(m * (capacity + 1)) time, m * (capacity + 1) bits plus O(capacity) memory.
inline void solve_by_capacity(const std::vector<std::int64_t>& w, const std::vector<std::int64_t>& v,
                              std::int64_t capacity, std::vector<char>& in, knapsack_result& out) {
  const std::size_t m = w.size();
  const auto width = static_cast<std::size_t>(capacity) + 1;
  const std::size_t words = (width + 63) / 64;
  std::vector<std::int64_t> best(width, -1);  // -1: no subset costs exactly c
  best[0] = 0;
  std::vector<std::uint64_t> took(m * words, 0);
  for (std::size_t k = m; k-- > 0;) {
    const auto wk = static_cast<std::size_t>(w[k]);
    const std::int64_t vk = v[k];
    std::uint64_t* bits = took.data() + k * words;
    // Downwards, so that best[c - wk] still describes items k+1..m-1.
    for (std::size_t c = width; c-- > wk;) {
      const std::int64_t from = best[c - wk];
      if (from >= 0 && from + vk >= best[c]) {
        bits[c / 64] |= std::uint64_t{1} << (c % 64);
        best[c] = from + vk;
      }
    }
  }
  std::size_t target = 0;
  for (std::size_t c = 1; c < width; ++c)
    if (best[c] > best[target]) target = c;
  out.cost = static_cast<std::int64_t>(target);
  out.value = best[target];
  out.upper_bound = out.value;
  out.exact = true;
  in.assign(m, 0);
  for (std::size_t k = 0; k < m; ++k)
    if ((took[k * words + target / 64] >> (target % 64)) & 1u) {
      in[k] = 1;
      target -= static_cast<std::size_t>(w[k]);
    }
  LOCALGOV_ASSERT(target == 0, "knapsack reconstruction did not end at the empty set");
}

// The LP (Dantzig) relaxation over the undecided items: items in efficiency order (value per
// cost descending, the lower index first on equal ratios, compared exactly), their costs and
// values in a Fenwick tree, so that a bound for any capacity is one O(log n) descent and
// deciding an item is one O(log n) update.
class knapsack_relaxation {
 public:
  knapsack_relaxation(const std::vector<std::int64_t>& w, const std::vector<std::int64_t>& v, std::int64_t capacity)
      : w_(w),
        v_(v),
        capacity_(capacity),
        order_(w.size()),
        position_(w.size()),
        decided_(w.size(), 0),
        undecided_(w.size()) {
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      const auto lhs = multiply_wide(static_cast<std::uint64_t>(v[a]), static_cast<std::uint64_t>(w[b]));
      const auto rhs = multiply_wide(static_cast<std::uint64_t>(v[b]), static_cast<std::uint64_t>(w[a]));
      return lhs != rhs ? lhs > rhs : a < b;
    });
    for (std::size_t p = 0; p < order_.size(); ++p) {
      position_[order_[p]] = p;
      undecided_.add(p, w[order_[p]], v[order_[p]]);
    }
  }

  void decide(std::size_t k) noexcept {
    decided_[k] = 1;
    undecided_.add(position_[k], -w_[k], -v_[k]);
  }
  void undecide(std::size_t k) noexcept {
    decided_[k] = 0;
    undecided_.add(position_[k], w_[k], v_[k]);
  }
  [[nodiscard]] std::size_t rank(std::size_t k) const noexcept { return position_[k]; }
  // Efficiency rank of the item the LP over all items splits (the break item).
  [[nodiscard]] std::size_t break_rank() const noexcept { return undecided_.fitting(capacity_).end; }

  struct bounds_t {
    std::int64_t lower;       // the state plus the whole undecided items that fit, in order: feasible
    std::int64_t lower_cost;  // the cost of that feasible set
    std::int64_t upper;       // the lower bound plus the fitting fraction of the next item: the LP bound
  };
  [[nodiscard]] bounds_t bounds(std::int64_t cost, std::int64_t value) const noexcept {
    const std::int64_t room = capacity_ - cost;
    const auto whole = undecided_.fitting(room);
    const std::int64_t lower = value + whole.value;
    if (whole.end == order_.size()) return {lower, cost + whole.cost, lower};
    const std::size_t next = order_[whole.end];
    return {lower, cost + whole.cost, lower + fraction_bound(room - whole.cost, v_[next], w_[next])};
  }

  // A lower bound on the cost of adding `need` value from the undecided items (the LP of the
  // covering problem: best ratios first, then a fraction); max int64 when they cannot.
  [[nodiscard]] std::int64_t cost_to_reach(std::int64_t need) const noexcept {
    if (need <= 0) return 0;
    if (sweeping_) {
      const auto at = std::upper_bound(sweep_value_.begin(), sweep_value_.end(), need - 1) - 1;
      const auto e = static_cast<std::size_t>(at - sweep_value_.begin());
      if (e == sweep_item_.size()) return std::numeric_limits<std::int64_t>::max();
      const std::size_t next = sweep_item_[e];
      return sweep_cost_[e] + fraction_floor(need - sweep_value_[e], w_[next], v_[next]);
    }
    const auto whole = undecided_.worth_at_most(need - 1);
    if (whole.end == order_.size()) return std::numeric_limits<std::int64_t>::max();
    const std::size_t next = order_[whole.end];
    return whole.cost + fraction_floor(need - whole.value, w_[next], v_[next]);
  }

  // A stage with many pairs (they come in increasing cost) sweeps instead: prefix sums of the
  // undecided items, built in O(n), then bounds_increasing walks them back in amortised O(1).
  void begin_sweep() {
    sweep_item_.clear();
    sweep_cost_.assign(1, 0);
    sweep_value_.assign(1, 0);
    for (const std::size_t j : order_)
      if (!decided_[j]) {
        sweep_item_.push_back(j);
        sweep_cost_.push_back(sweep_cost_.back() + w_[j]);
        sweep_value_.push_back(sweep_value_.back() + v_[j]);
      }
    sweep_end_ = sweep_item_.size();
    sweeping_ = true;
  }
  void end_sweep() noexcept { sweeping_ = false; }
  // bounds(), for a cost no lower than the previous call's in the same sweep.
  [[nodiscard]] bounds_t bounds_increasing(std::int64_t cost, std::int64_t value) noexcept {
    if (!sweeping_) return bounds(cost, value);
    const std::int64_t room = capacity_ - cost;
    while (sweep_end_ > 0 && sweep_cost_[sweep_end_] > room) --sweep_end_;
    const std::size_t e = sweep_end_;
    const std::int64_t lower = value + sweep_value_[e];
    if (e == sweep_item_.size()) return {lower, cost + sweep_cost_[e], lower};
    const std::size_t next = sweep_item_[e];
    return {lower, cost + sweep_cost_[e], lower + fraction_bound(room - sweep_cost_[e], v_[next], w_[next])};
  }
  [[nodiscard]] bool worth_sweeping(std::size_t pairs) const noexcept { return pairs * 8 >= order_.size(); }

  // Adds items in efficiency order while they fit, keeping those `in` holds already.
  void greedy_fill(std::vector<char>& in, std::int64_t& cost, std::int64_t& value) const {
    for (const std::size_t j : order_)
      if (!in[j] && w_[j] <= capacity_ - cost) {
        in[j] = 1;
        cost += w_[j];
        value += v_[j];
      }
  }

 private:
  const std::vector<std::int64_t>& w_;
  const std::vector<std::int64_t>& v_;
  std::int64_t capacity_;
  std::vector<std::size_t> order_, position_;
  std::vector<char> decided_;
  knapsack_fenwick undecided_;
  bool sweeping_ = false;
  std::size_t sweep_end_ = 0;
  std::vector<std::size_t> sweep_item_;
  std::vector<std::int64_t> sweep_cost_, sweep_value_;
};

struct knapsack_state {
  std::int64_t cost;
  std::int64_t value;
  bool took;  // the same (cost, value) is reachable with the stage's item
};

// One Nemhauser-Ullmann stage: `next` gets the Pareto-optimal pairs (cost and value both strictly
// increasing) of `previous` and `previous` plus item (wk, vk) within the capacity, those that
// `keep(cost, value)` accepts. keep's tests must be monotone: if it refuses a pair, it refuses
// any pair costing at least as much and worth no more. Complexity: O(|previous|) calls of keep.
template <class Keep>
void merge_stage(const std::vector<knapsack_state>& previous, std::int64_t wk, std::int64_t vk, std::int64_t capacity,
                 Keep&& keep, std::vector<knapsack_state>& next) {
  next.clear();
  std::int64_t highest = -1;  // highest value offered so far, kept or refused
  auto offer = [&](std::int64_t cost, std::int64_t value, bool took) {
    // Dominated: a cheaper-or-equal pair is worth at least as much (and if that one was refused,
    // so is this one, keep being monotone).
    if (value <= highest) return;
    highest = value;
    if (keep(cost, value)) next.push_back({cost, value, took});
  };
  const std::size_t n = previous.size();
  std::size_t j_end = 0;
  while (j_end < n && previous[j_end].cost <= capacity - wk) ++j_end;
  std::size_t i = 0, j = 0;
  while (i < n || j < j_end) {
    if (j == j_end || (i < n && previous[i].cost < previous[j].cost + wk)) {
      offer(previous[i].cost, previous[i].value, false);
      ++i;
    } else if (i == n || previous[j].cost + wk < previous[i].cost) {
      offer(previous[j].cost + wk, previous[j].value + vk, true);
      ++j;
    } else {  // equal costs: the better value, and when values tie too, one pair reachable both ways
      const std::int64_t without = previous[i].value, with = previous[j].value + vk;
      if (without > with) {
        offer(previous[i].cost, without, false);
        ++i;
      } else {
        offer(previous[i].cost, with, true);
        if (with == without) ++i;
        ++j;
      }
    }
  }
}

// Phase 1: the best value and the least cost for it, nothing else. Items go from the far ends
// of the efficiency order towards the break item, so that clear-cut decisions come first and the
// lists grow only over the items near the break (the "core"). A pair stays only if it may still
// beat the best (value, cost) seen: its LP bound exceeds that value, or equals it and the LP
// bound on the cost of reaching that value is lower. Memory: two lists.
struct knapsack_pair {
  bool found = false;      // false: the lists would exceed max_states pairs in all
  std::int64_t cost = 0;   // when found: the best value's least cost
  std::int64_t value = 0;  // when found: the best value
  std::int64_t upper = 0;  // when not found: a proven bound on the best value
  std::size_t states = 0;  // pairs kept over all stages
};

[[nodiscard]] inline knapsack_pair best_knapsack_pair(const std::vector<std::int64_t>& w,
                                                      const std::vector<std::int64_t>& v, std::int64_t capacity,
                                                      std::int64_t start_value, std::int64_t start_cost,
                                                      std::size_t max_states) {
  const std::size_t m = w.size();
  knapsack_relaxation lp(w, v, capacity);
  const std::size_t split = lp.break_rank();
  auto distance = [&](std::size_t k) { return lp.rank(k) < split ? split - lp.rank(k) : lp.rank(k) - split; };
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return distance(a) != distance(b) ? distance(a) > distance(b) : a < b;
  });
  std::int64_t best_value = start_value, best_cost = start_cost;  // a feasible pair, improved as we go
  auto keep = [&](std::int64_t cost, std::int64_t value) {
    const auto b = lp.bounds_increasing(cost, value);
    if (b.lower > best_value || (b.lower == best_value && b.lower_cost < best_cost)) {
      best_value = b.lower;
      best_cost = b.lower_cost;
    }
    if (b.upper != best_value) return b.upper > best_value;
    const std::int64_t more = lp.cost_to_reach(best_value - value);
    return more != std::numeric_limits<std::int64_t>::max() && cost + more < best_cost;
  };
  knapsack_pair out;
  std::vector<knapsack_state> previous{{0, 0, false}}, next;
  for (const std::size_t k : order) {
    lp.decide(k);
    if (lp.worth_sweeping(previous.size())) lp.begin_sweep();
    merge_stage(previous, w[k], v[k], capacity, keep, next);
    lp.end_sweep();
    out.states += next.size();
    if (out.states > max_states) {
      // Every best set passes through a pair of `previous`, or one dominating it, or a pair whose
      // bound was at most the best value seen: so the larger of that value and the largest bound
      // over the list bounds the optimum.
      lp.undecide(k);
      out.upper = best_value;
      for (const auto& s : previous) out.upper = (std::max)(out.upper, lp.bounds(s.cost, s.value).upper);
      return out;
    }
    previous.swap(next);
  }
  // Every complete set left has updated the best pair (its bounds are its own value and cost);
  // every set refused on the way could not beat the best pair at the time.
  out.found = true;
  out.cost = best_cost;
  out.value = best_value;
  return out;
}

// Phase 2: the lists again, now deciding items from the highest index down and keeping every
// list (costs and `took` bits), so that a walk from index 0 up can take each item whenever the
// target pair is still reachable with it. From the best pair that walk yields the set holding
// the lowest index any best set can hold, then the next, and so on: exactly the tie rule. Only
// pairs that can still reach the target exactly stay (LP bound on value at least target_value,
// LP bound on the cost of reaching it at most the capacity, which is the target's cost).
// Returns false, with a good set but no proof in `in`, when the lists exceed max_states pairs.
[[nodiscard]] inline bool lex_best_by_lists(const std::vector<std::int64_t>& w, const std::vector<std::int64_t>& v,
                                            std::int64_t capacity, std::int64_t target_value, std::size_t max_states,
                                            std::vector<char>& in, knapsack_result& out) {
  const std::size_t m = w.size();
  knapsack_relaxation lp(w, v, capacity);
  auto keep = [&](std::int64_t cost, std::int64_t value) {
    if (lp.bounds_increasing(cost, value).upper < target_value) return false;
    const std::int64_t more = lp.cost_to_reach(target_value - value);
    return more != std::numeric_limits<std::int64_t>::max() && more <= capacity - cost;
  };
  // Each list in its own exactly sized arrays: no regrowth copies, memory touched once.
  std::vector<std::vector<std::int64_t>> list_cost(m);
  std::vector<std::vector<std::uint64_t>> list_took(m);  // one bit per pair
  std::size_t kept = 0;
  std::vector<knapsack_state> previous{{0, 0, false}}, next;
  std::size_t last_stage = m;  // the lowest index whose list is complete
  bool complete = true;
  for (std::size_t k = m; k-- > 0;) {
    lp.decide(k);
    if (lp.worth_sweeping(previous.size())) lp.begin_sweep();
    merge_stage(previous, w[k], v[k], capacity, keep, next);
    lp.end_sweep();
    if (kept + next.size() > max_states) {
      lp.undecide(k);
      complete = false;
      break;
    }
    kept += next.size();
    auto& costs = list_cost[k];
    auto& took = list_took[k];
    costs.reserve(next.size());
    took.assign((next.size() + 63) / 64, 0);
    for (std::size_t i = 0; i < next.size(); ++i) {
      costs.push_back(next[i].cost);
      took[i / 64] |= static_cast<std::uint64_t>(next[i].took) << (i % 64);
    }
    previous.swap(next);
    last_stage = k;
  }
  out.states += kept;

  auto walk = [&](std::size_t stage, std::int64_t target) {
    for (std::size_t k = stage; k < m; ++k) {
      const auto& costs = list_cost[k];
      const auto at = std::lower_bound(costs.begin(), costs.end(), target);
      LOCALGOV_ASSERT(at != costs.end() && *at == target, "knapsack reconstruction lost its target");
      const auto index = static_cast<std::size_t>(at - costs.begin());
      if ((list_took[k][index / 64] >> (index % 64)) & 1u) {
        in[k] = 1;
        target -= w[k];
      }
    }
    LOCALGOV_ASSERT(target == 0, "knapsack reconstruction did not end at the empty set");
  };

  in.assign(m, 0);
  if (complete) {
    LOCALGOV_ASSERT(!previous.empty(), "knapsack phase 2 lost the best pair");
    const knapsack_state best = previous.back();  // highest value, and the least cost for it
    walk(0, best.cost);
    out.cost = best.cost;
    out.value = best.value;
    return true;
  }
  // No proof: the most promising pair of the last complete list, completed greedily.
  std::size_t pick = 0;
  std::int64_t pick_lower = -1;
  for (std::size_t s = 0; s < previous.size(); ++s)
    if (const auto b = lp.bounds(previous[s].cost, previous[s].value); b.lower > pick_lower) {
      pick_lower = b.lower;
      pick = s;
    }
  walk(last_stage, previous[pick].cost);
  out.cost = previous[pick].cost;
  out.value = previous[pick].value;
  lp.greedy_fill(in, out.cost, out.value);
  return false;
}

// The knapsack over items that each fit alone, with cost >= 1 and value >= 1, whose total cost
// exceeds the capacity; index order is tie priority. Fills `in` (per item) and the numbers of
// `out`; see solve_knapsack for the method.
inline void solve_hard_knapsack(const std::vector<std::int64_t>& w, const std::vector<std::int64_t>& v,
                                std::int64_t capacity, const select_options& options, std::vector<char>& in,
                                knapsack_result& out) {
  const std::size_t m = w.size();
  const knapsack_relaxation lp(w, v, capacity);
  std::vector<char> greedy_in(m, 0);
  std::int64_t greedy_cost = 0, greedy_value = 0;
  lp.greedy_fill(greedy_in, greedy_cost, greedy_value);
  auto take_greedy = [&](std::int64_t upper) {
    in = greedy_in;
    out.cost = greedy_cost;
    out.value = greedy_value;
    out.upper_bound = (std::max)(upper, greedy_value);
    out.exact = false;
  };
  if (options.method == selection_method::greedy) {
    take_greedy(lp.bounds(0, 0).upper);
    return;
  }
  auto table_fits = [&](std::size_t items, std::int64_t cap) {
    const auto width = static_cast<std::size_t>(cap) + 1;
    return items <= options.max_cells / width && width <= options.max_cells / 64;
  };

  const knapsack_pair best = best_knapsack_pair(w, v, capacity, greedy_value, greedy_cost, options.max_states);
  out.states = best.states;
  if (!best.found) {
    if (table_fits(m, capacity)) {
      solve_by_capacity(w, v, capacity, in, out);
    } else {
      take_greedy(best.upper);
    }
    return;
  }

  // Reduction: an item whose exclusion (or inclusion) drops the LP bound below the best value is
  // in (or out of) every best set, so it changes neither the ties nor the answer; only the other
  // items go to phase 2, with the best set's cost as capacity, since every best set costs exactly it.
  knapsack_relaxation probe(w, v, capacity);
  std::vector<char> fixed_in(m, 0);
  std::vector<std::size_t> free_items;
  std::vector<std::int64_t> w2, v2;
  std::int64_t fixed_cost = 0, fixed_value = 0;
  for (std::size_t k = 0; k < m; ++k) {
    probe.decide(k);
    const bool must_take = probe.bounds(0, 0).upper < best.value;
    const bool must_skip = probe.bounds(w[k], v[k]).upper < best.value;
    probe.undecide(k);
    if (must_take) {
      fixed_in[k] = 1;
      fixed_cost += w[k];
      fixed_value += v[k];
    } else if (!must_skip) {
      free_items.push_back(k);
      w2.push_back(w[k]);
      v2.push_back(v[k]);
    }
  }
  const std::int64_t capacity2 = best.cost - fixed_cost, target2 = best.value - fixed_value;
  LOCALGOV_ASSERT(capacity2 >= 0 && target2 >= 0, "knapsack reduction fixed more than the best set holds");

  std::vector<char> in2;
  knapsack_result part;
  bool proven = lex_best_by_lists(w2, v2, capacity2, target2, options.max_states, in2, part);
  out.states += part.states;
  if (!proven && table_fits(w2.size(), capacity2)) {
    solve_by_capacity(w2, v2, capacity2, in2, part);
    proven = true;
  }
  in = fixed_in;
  for (std::size_t i = 0; i < free_items.size(); ++i)
    if (in2[i]) in[free_items[i]] = 1;
  out.cost = fixed_cost + part.cost;
  out.value = fixed_value + part.value;
  out.upper_bound = best.value;
  out.exact = proven;
  if (proven) {
    LOCALGOV_ASSERT(out.value == best.value && out.cost == best.cost, "knapsack phases disagree");
    return;
  }
  lp.greedy_fill(in, out.cost, out.value);
  if (greedy_value > out.value || (greedy_value == out.value && greedy_cost < out.cost)) take_greedy(best.value);
}

}  // namespace detail


LOCALGOV_DECL knapsack_result solve_knapsack(std::span<const knapsack_item> items, std::int64_t capacity,
                                            const select_options& options) {
  LOCALGOV_ASSERT(capacity >= 0, "capacity must not be negative");
  knapsack_result result;
  std::vector<std::size_t> hard;  // indices of items that need deciding
  std::vector<std::int64_t> w, v;
  std::int64_t free_value = 0, total_cost = 0, total_value = 0;
  bool overflow = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    LOCALGOV_ASSERT(item.cost >= 0 && item.value >= 0, "knapsack items need non-negative cost and value");
    if (item.cost == 0) {
      // Free: taking it never lowers value nor raises cost, and ties prefer taking.
      result.chosen.push_back(i);
      overflow = overflow || detail::add_overflows(free_value, item.value);
      if (!overflow) free_value += item.value;
    } else if (item.value > 0 && item.cost <= capacity) {
      hard.push_back(i);
      w.push_back(item.cost);
      v.push_back(item.value);
      overflow = overflow || detail::add_overflows(total_cost, item.cost) || detail::add_overflows(total_value, item.value);
      if (!overflow) {
        total_cost += item.cost;
        total_value += item.value;
      }
    }
  }
  if (overflow || detail::add_overflows(free_value, total_value))
    throw error("plan.overflow", "total cost or benefit of the projects exceeds the 64-bit range");

  std::vector<char> in(hard.size(), 1);
  if (total_cost <= capacity) {
    result.cost = total_cost;
    result.value = total_value;
    result.upper_bound = total_value;
    result.exact = true;
  } else {
    detail::solve_hard_knapsack(w, v, capacity, options, in, result);
  }
  for (std::size_t k = 0; k < hard.size(); ++k)
    if (in[k]) result.chosen.push_back(hard[k]);
  std::sort(result.chosen.begin(), result.chosen.end());
  result.value += free_value;
  result.upper_bound += free_value;
  return result;
}

namespace detail {

// Decides one budget: each class in order chooses among its projects within what is left.
LOCALGOV_DECL void select_scope(std::span<const project> projects, std::vector<std::size_t> members,
                                std::int64_t budget, std::string province_code, const select_options& options, plan& out) {
  LOCALGOV_ASSERT(budget >= 0, "budget must not be negative");
  // The knapsack breaks ties towards lower indices, so index each class by ascending id (byte order).
  std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
    return projects[a].id != projects[b].id ? projects[a].id < projects[b].id : a < b;
  });
  budget_scope scope;
  scope.province_code = std::move(province_code);
  scope.budget = budget;
  const std::size_t scope_index = out.scopes.size();
  std::int64_t left = budget;
  std::vector<std::size_t> in_class;
  std::vector<knapsack_item> items;
  for (const auto c : priority_classes) {
    in_class.clear();
    items.clear();
    for (const std::size_t i : members)
      if (projects[i].priority == c) {
        LOCALGOV_ASSERT(projects[i].cost >= 0 && projects[i].benefit.micros() >= 0,
                        "project cost and benefit must not be negative");
        in_class.push_back(i);
        items.push_back({projects[i].cost, projects[i].benefit.micros()});
      }
    const knapsack_result r = solve_knapsack(items, left, options);
    class_result& result = scope.classes[index_of(c)];
    result.priority = c;
    result.candidates = in_class.size();
    result.selected = r.chosen.size();
    result.available = left;
    result.cost = r.cost;
    result.benefit = benefit_amount::from_micros(r.value);
    result.upper_bound = benefit_amount::from_micros(r.upper_bound);
    result.exact = r.exact;
    result.states = r.states;
    std::size_t next_chosen = 0;
    for (std::size_t k = 0; k < in_class.size(); ++k) {
      const project& p = projects[in_class[k]];
      decision d;
      d.project = in_class[k];
      d.scope = scope_index;
      d.selected = next_chosen < r.chosen.size() && r.chosen[next_chosen] == k;
      if (d.selected) {
        ++next_chosen;
        d.reason = decision_reason::selected;
      } else if (p.cost > left) {
        d.reason = decision_reason::does_not_fit;
      } else if (p.benefit.micros() == 0) {
        d.reason = decision_reason::no_benefit;
      } else {
        d.reason = decision_reason::better_set_in_class;
      }
      out.decisions.push_back(d);
    }
    left -= r.cost;
  }
  scope.spent = budget - left;
  out.scopes.push_back(std::move(scope));
}

// Puts decisions in report order and numbers the selected ones.
LOCALGOV_DECL void order_decisions(std::span<const project> projects, plan& out) {
  auto key = [&](const decision& d) {
    const project& p = projects[d.project];
    return std::make_tuple(!d.selected, d.scope, p.priority, std::string_view(p.id), d.project);
  };
  std::sort(out.decisions.begin(), out.decisions.end(),
            [&](const decision& a, const decision& b) { return key(a) < key(b); });
  std::vector<std::int64_t> spent(out.scopes.size(), 0);
  std::vector<std::size_t> rank(out.scopes.size(), 0);
  out.decision_of.assign(projects.size(), 0);
  for (std::size_t i = 0; i < out.decisions.size(); ++i) {
    decision& d = out.decisions[i];
    out.decision_of[d.project] = i;
    if (!d.selected) continue;
    spent[d.scope] += projects[d.project].cost;
    d.cumulative_cost = spent[d.scope];
    d.order = ++rank[d.scope];
  }
}

inline std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace detail

LOCALGOV_DECL plan select_projects(std::span<const project> projects, std::int64_t budget,
                                   const select_options& options) {
  plan out;
  out.method = options.method;
  std::vector<std::size_t> members(projects.size());
  std::iota(members.begin(), members.end(), std::size_t{0});
  detail::select_scope(projects, std::move(members), budget, {}, options, out);
  detail::order_decisions(projects, out);
  return out;
}

LOCALGOV_DECL std::string explain(const plan& p, const decision& d, std::span<const project> projects) {
  const project& pr = projects[d.project];
  const budget_scope& scope = p.scopes[d.scope];
  const class_result& cls = scope.classes[index_of(pr.priority)];
  const std::string name(format_as(pr.priority));
  std::string out;
  if (p.per_province) out += "province " + scope.province_code + ": ";
  switch (d.reason) {
    case decision_reason::selected:
      out += "selected in class " + name;
      break;
    case decision_reason::does_not_fit:
      out += "does not fit: costs " + std::to_string(pr.cost) + ", only " + std::to_string(cls.available) +
             " left for class " + name;
      break;
    case decision_reason::better_set_in_class:
      out += (cls.exact ? "a better set of " + name + " projects" : "the " + name + " set chosen (not proven best)") +
             " used the money: costs " + std::to_string(pr.cost) + ", " + std::to_string(cls.available) +
             " was left for the class, " + std::to_string(cls.left()) + " after it";
      break;
    case decision_reason::no_benefit:
      out += "no benefit: selecting it would only add cost";
      break;
  }
  if (pr.defaulted)
    out += " (class by default: serves " + detail::count_of(pr.defaulted->commune_units, "commune-tier unit", "commune-tier units") +
           " in " + detail::count_of(pr.defaulted->provinces, "province", "provinces") + ")";
  if (!cls.exact)
    out += "; the " + name + " set is within " + cls.gap().to_string() + " of the best possible benefit (" +
           (p.method == selection_method::greedy ? "greedy method" : "exact method stopped at its state limit") + ")";
  return out;
}

}  // namespace planning
LOCALGOV_NAMESPACE_END
