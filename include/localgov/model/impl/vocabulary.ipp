// Bodies of model/vocabulary.hpp: adding entries to the registries, and finding them.
#pragma once

#include <localgov/model/vocabulary.hpp>

#include <optional>
#include <string_view>
#include <utility>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL field_id vocabulary::add_field(field_info info) {
  return add<field_id>(fields_, field_index_, std::move(info));
}
LOCALGOV_DECL body_kind_id vocabulary::add_body_kind(body_kind_info info) {
  return add<body_kind_id>(body_kinds_, body_kind_index_, std::move(info));
}
LOCALGOV_DECL post_title_id vocabulary::add_post_title(post_title_info info) {
  return add<post_title_id>(post_titles_, post_title_index_, std::move(info));
}

LOCALGOV_DECL std::optional<field_id> vocabulary::find_field(std::string_view slug) const {
  return find<field_id>(field_index_, slug);
}
LOCALGOV_DECL std::optional<body_kind_id> vocabulary::find_body_kind(std::string_view slug) const {
  return find<body_kind_id>(body_kind_index_, slug);
}
LOCALGOV_DECL std::optional<post_title_id> vocabulary::find_post_title(std::string_view slug) const {
  return find<post_title_id>(post_title_index_, slug);
}

LOCALGOV_NAMESPACE_END
