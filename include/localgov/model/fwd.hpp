// Forward declarations of the model module: ids, unit kinds and the organisation.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/model/unit_kinds.hpp>

LOCALGOV_NAMESPACE_BEGIN
enum class node_kind : std::uint8_t;
enum class link_kind : std::uint8_t;
enum class match_rank : std::uint8_t;
struct node_ref;
struct unit_record;
struct body_record;
struct post_record;
struct person_record;
struct holding;
struct field_info;
struct body_kind_info;
struct post_title_info;
class vocabulary;
class organization_core;
template <OrganizationTraits Traits>
class basic_organization;
using organization = basic_organization<vietnam_traits>;
class name_index;
LOCALGOV_NAMESPACE_END
