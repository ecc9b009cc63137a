// Forward declarations of the planning module (projects, budgets, selection, reports).
#pragma once

#include <localgov/config.hpp>

#include <cstdint>

LOCALGOV_NAMESPACE_BEGIN
namespace planning {

enum class priority_class : std::uint8_t;
enum class selection_method : std::uint8_t;
enum class decision_reason : std::uint8_t;
enum class report_format : std::uint8_t;

class benefit_amount;
struct unit_facts;
class unit_table;
struct service_reach;
struct project;

struct knapsack_item;
struct knapsack_result;
struct select_options;

struct class_result;
struct budget_scope;
struct decision;
struct plan;

}  // namespace planning
LOCALGOV_NAMESPACE_END
