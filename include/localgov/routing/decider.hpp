// Who decides a matter routed by its respondent (a complaint, a second complaint, a
// denunciation): the head of a body of the organisation, or someone outside it.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/routing/proposal.hpp>
#include <localgov/routing/rules.hpp>

#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

class organization_core;

// The head of `body` decides (title: Chủ tịch, Giám đốc); or, when the law gives the
// matter to someone outside the organisation (a minister, the Prime Minister, a body's
// own rules), `body` is no_id and `outside` names them. `basis` cites the articles.
struct decider {
  body_id body = no_id<body_id>;
  post_title_id title = no_id<post_title_id>;
  std::string_view outside;
  std::string_view basis;
};

// How a routing table finds the decider of a matter against `against`, received on
// `received`, for the channels routed by respondent (presets::vietnam_decider is Vietnam's
// laws). Its strings must outlive the table (string literals, say).
using decider_function = decider (*)(const organization_core& org, channel via, respondent against, date received);

LOCALGOV_NAMESPACE_END
