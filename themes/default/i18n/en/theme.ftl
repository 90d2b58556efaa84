# Words of the default theme's templates. Ids use underscores so that templates can write
# them as fields: {{ tr.nav_briefings }}; a message with arguments is written
# {{ t(key="briefing_count", n=3) }}.
#
# For translators: a `$name`, `$title`, `$topic`… argument is a name or a title from the
# site's content; a `$date` is a date already written in your language; `$n`, `$shown`,
# `$total`, `$count` are numbers (choose plural forms with them). Some arguments are links
# or emphasis the template builds (`$link`, `$actor`, `$position`): move them wherever the
# sentence needs them. { " " } keeps a space Fluent would otherwise trim.

## Every page: the masthead, the footer and the feeds named in the page's head

skip_to_content = Skip to content
nav_sections = Sections
nav_briefings = Briefings
nav_timeline = Timeline
nav_actors = Actors
nav_places = Places
nav_topics = Topics
nav_authors = Authors
nav_tags = Tags
nav_search = Search
briefing_count = { $n ->
    [one] { $n } briefing
   *[other] { $n } briefings
}
# The title of a page's feed, as feed readers list it.
feed_atom_title = { $title } (Atom)
feed_json_title = { $title } (JSON Feed)
feed_changes_atom_title = Changes of position (Atom)
feed_changes_json_title = Changes of position (JSON Feed)
footer_atom_feed = Atom feed
footer_sitemap = Sitemap
# Also the heading of the sources page.
footer_sources = Sources
# Also the heading of the track record page.
footer_track_record = Track record
footer_page_feed = Feed for this page
# A link to the page of how often each pair of actors takes the same position.
alignment_link = Who agrees with whom
# The same link after another one, in a list separated by “·”.
alignment_link_after = who agrees with whom
# A link to the drawing of which actors are named together.
network_link = Who is named with whom

## Words several pages share

# Joins names in a list: “A, B and C”.
list_separator = {", "}
list_last_separator = {" and "}
# Two actors: “Ana Ruiz and the Port Authority”.
pair = { $a } and { $b }
# What a page of a thing is, above its name.
kind_briefing = Briefing
kind_source = Source
kind_tag = Tag
kind_comparison = Comparison
# Headings of table columns.
column_actor = Actor
column_topic = Topic
# Positions an actor takes on a topic, in badges and legends.
position_supports = supports
position_opposes = opposes
position_mixed = mixed
position_neutral = neutral
position_unclear = unclear
# The position before a change: “was opposes”.
position_was = was { $position }
# The answer to a topic's question.
# How sure the desk is of an assessment.
confidence_label_low = low confidence
confidence_label_moderate = moderate confidence
confidence_label_high = high confidence
# Kicker of the second and later pages of a list.
page_n_of = page { $n } of { $count }
aliases_line = Also written: { $names }
stub_note = No profile yet: this page lists what the briefings say.
linked_from = Linked from
latest_n_of = The latest { $shown } of { $total }.
and_n_more = and { $n } more
# Hidden word between two badges joined by an arrow: “opposes → supports”.
shift_to = to
# Tooltip of a number of briefings.
count_title = briefings
count_title_both = briefings naming both
see_it_now = See it as it stands now
now = Now
entity_briefings_heading = Briefings that name { $name }
briefings_empty = No briefings yet.
# “1 source retracted on 3 Mar 2025”; $date is a date.
source_retracted_on = retracted { $date }
source_graded_title = Graded { $grade }: { $label }
source_with_publisher = { $title } ({ $publisher })
# An actor's position on a topic: “Ana Ruiz [supports] on Port expansion”; $position is a
# badge.
stance_on_topic = { $actor } { $position } on { $topic }
stance_on_topic_quoted = { $actor } { $position } on { $topic }: { $quote }

## Breadcrumbs, pager, contents

crumbs_label = Breadcrumb
crumbs_home = Home
pager_label = Pagination
pager_first = First
pager_previous = Previous
pager_next = Next
pager_last = Last
pager_page = Page { $n }
toc_label = Contents

## Tables of positions (topic and actor pages) and their legend

positions_now = Position now
positions_history = History
positions_history_hint = oldest first
positions_last_change = Last change
positions_changed_on = changed on { $date }
positions_no_change = no change
history_label = History, oldest first
history_earlier = +{ $n } earlier
# Tooltip of one mark of a row's history.
history_mark_title = { $date }: { $position } — { $title }
history_mark_grade = (source { $grade })
history_mark_retracted = (source retracted)
history_mark_as_of = (see the matrix as of that day)
# The same, read aloud.
history_mark_text = { $date }: { $position }
history_mark_text_grade = , source graded { $grade }
history_mark_text_retracted = , source retracted
legend_label = Positions
# How many actors hold each position: “3 support · 1 opposes”.
tally_count_supports = { $n ->
    [one] { $n } supports
   *[other] { $n } support
}
tally_count_opposes = { $n ->
    [one] { $n } opposes
   *[other] { $n } oppose
}
tally_count_mixed = { $n } mixed
tally_count_neutral = { $n } neutral
tally_count_unclear = { $n } unclear
evidence_grade_title = Source graded { $grade }: { $label }
evidence_retracted = source retracted { $date }
evidence_unsourced = no source
evidence_single_source = single source
evidence_paraphrase = paraphrase only
data_links_intro = Data for analysts:
data_links_stances = every stance (CSV)
data_links_entities = actors, places and topics (JSON)
data_links_graph = who is named with whom (JSON)

## Charts and maps

stance_chart_caption = Each mark is a stance, placed on the date of its briefing (where stances crowd, one mark shows the position most of them took); shape and colour give the position.
# $unit is month or week; $first and $last are a month or a day.
sparkline_caption = Briefings per { $unit ->
    [week] week
   *[month] month
}, { $first } – { $last } (at most { $max })
sparkline_caption_one = Briefings per { $unit ->
    [week] week
   *[month] month
}, { $first } (at most { $max })
network_caption = Circles: briefings naming each actor; lines: briefings naming both.
network_caption_link = The network of the most-named actors
network_node_label = { $name }: named in { $n ->
    [one] { $n } briefing
   *[other] { $n } briefings
}
locator_caption = Location of { $name }
locator_caption_shown_at = Location of { $name }, shown at { $place }
locator_caption_dots = ; dots: places within it
world_map_marker = { $name }: { $n ->
    [one] { $n } briefing
   *[other] { $n } briefings
}
world_map_shown_at = (shown at { $place })
world_map_caption = Places by the briefings naming them: the larger the circle, the more briefings.
world_map_caption_capped = Places by the briefings naming them: the larger the circle, the more briefings (the { $shown } most named of { $total } places with a location).
calibration_axis = Stated probability
calibration_caption = Stated probability (across) against how often the judgments came true (up); each circle is a level of likelihood, sized and labelled by its number of judgments. On the diagonal, a level comes true as often as it says. The table below has the same numbers.

## Home page

home_latest = Latest briefings
home_all_briefings = { $n ->
    [one] All { $n } briefing
   *[other] All { $n } briefings
}
home_by_month = by month on the timeline
# On a site without briefings; $folder and $command are code.
home_empty = Briefings are Markdown files in { $folder }: { $command } starts one.
home_example_title = A title
home_changes = Positions that moved
home_more_changes = { $n } more on { $topic }
home_top_actors = Most-mentioned actors
home_top_places = Most-mentioned places

## Briefing page

briefing_embargoed_until = Embargoed until { $date }
briefing_embargo_note = { $until }: not in a published build before then.
briefing_expired_on = Expired on { $date }
briefing_expired_note = { $expired }: not in a published build since then.
briefing_updated = updated { $date }
briefing_draft = Draft
# $names are links, joined with list_separator and list_last_separator.
briefing_by = By { $names }
briefing_reviewed_by = Reviewed by { $names }
# After the authors: “By A · reviewed by B”.
briefing_also_reviewed_by = reviewed by { $names }
# $confidence is one of confidence_low, confidence_moderate, confidence_high, in bold.
briefing_assessed = Assessed with { $confidence }
briefing_retracted_source = Retracted source
briefing_retracted_banner = { $label }: { $source } was retracted on { $date }. Stances resting on it are struck through.
briefing_retracted_banner_note = { $label }: { $source } was retracted on { $date }: { $note } Stances resting on it are struck through.
briefing_correction = Correction
briefing_correction_box = { $label } { $date }: { $text }
briefing_key_judgments = Key judgments
judgment_on = on { $topic }
judgment_answer_no = (the answer is no)
briefing_at_a_glance = At a glance
# The name an actor or a place had on the briefing's day.
briefing_then = (then { $name })
briefing_stances = Stances
stances_on = On
stances_position = Position
stances_said = What was said
stances_said_short = Said
stances_voiced_by = voiced by { $name }
stances_voiced_by_role = voiced by { $name }, { $role }
stances_source_label = Source { $n }
briefing_sources = Sources
briefing_about_source = about this source
corrections_heading = Corrections and updates
briefing_all_corrections = All corrections on this site
briefing_related = Related briefings
related_links_here = links here
related_shares = shares { $names }
related_shares_more = shares { $names } and { $n } more

## List of briefings, tags, timeline, corrections

briefings_newest_first = Newest first
briefings_range = { $first }–{ $last } of { $n ->
    [one] { $n } briefing
   *[other] { $n } briefings
}
briefings_heading = All briefings
tag_heading = Tagged “{ $name }”
tags_empty = No tags yet.
timeline_years = Years
timeline_continued = continued
timeline_change = { $actor } on { $topic }: { $change }
corrections_lede = The latest corrections and updates to briefings, newest first.
corrections_feed = Feed

## Actor, place, author and list-of-entities pages

actor_affiliated_with = Affiliated with { $actor }
actor_over_time = Offices and affiliations over time
actor_roles = Roles
actor_affiliations = Affiliations
actor_names = Names
actor_positions = Positions by topic
actor_positions_capped = The { $shown } topics with the most stances, of { $total }.
actor_compare = Compare with
actor_compare_note = Topic by topic, where they agree and differ, and since when.
actor_voiced = Stances voiced for others
actor_members = Affiliated actors
actor_co_actors = Named alongside
place_in = in { $place }
place_coordinates = Coordinates:
place_osm = Map on OpenStreetMap
place_names_over_time = Names over time
place_within = Places within { $name }
place_actors = Actors active here
author_stub_note = No profile yet: this page lists the briefings whose bylines name them.
author_briefings_heading = Briefings by { $name }
author_reviewed_heading = Reviewed by { $name }
entities_network_note = { $link }: the most-named actors, drawn.
entities_no_profile = no profile
entities_none = None yet.

## Topic page

topic_named_in = named in { $n ->
    [one] { $n } briefing
   *[other] { $n } briefings
}
topic_stale = Stale
topic_stale_note = No briefing since { $since } (this desk calls a topic stale after { $n } days).
topic_resolution = Resolution
# $outcome is answer_yes or answer_no.
topic_resolved = Resolved on { $date }: { $outcome }
topic_fared = How the desk's judgments fared
topic_scored = { $n ->
    [one] { $n } judgment scored.
   *[other] { $n } judgments scored.
}
topic_scored_brier = { $n ->
    [one] { $n } judgment scored
   *[other] { $n } judgments scored
}, with a mean Brier score of { $brier } (0 is perfect, 0.25 what always saying 50% earns).
topic_later = Judgments made after the question was settled are listed, not scored.
topic_track_record_link = The desk's track record
topic_judgments_caption = Judgments on this question, oldest first
topic_no_judgment = No briefing made a judgment on this question.
topic_matrix = Who stands where
topic_matrix_capped = The { $shown } actors with the most stances, of { $total }.
topic_no_stances = No stances recorded yet.
topic_stances_over_time = Stances over time
topic_briefings_heading = Briefings on { $name }
scored_briefing = Briefing
scored_judgment = Judgment
scored_question = Question
scored_likelihood = Likelihood
scored_answer = Answer
scored_came_true = Came true
scored_brier = Brier score
scored_not_counted = not scored: made after the question was settled

## A topic or an actor as of a day

as_of_kicker = as of { $date }, change { $n } of { $count }
as_of_heading = { $name } as of { $date }
as_of_lede = As it stood at the end of { $date }, from the briefings dated on or before that day. { $now }.
as_of_changes_label = Changes
as_of_unpaged = { $n ->
    [one] { $n } earlier change day: see the briefings
   *[other] { $n } earlier change days: see the briefings
}
as_of_first = First change
as_of_latest = Latest change
as_of_matrix_topic = Who stood where
as_of_capped = The { $shown } with the most stances by then, of { $total }.
as_of_position_then = Position then
as_of_changes = Changes that day
# $from and $to are badges of positions.
as_of_change = { $name }: { $from } → { $to }
as_of_change_first = { $name }: takes position: { $to }
as_of_change_in = in { $briefing }

## Who agrees with whom, and two actors compared

alignment_as_of = as of the end of { $month }
alignment_lede = For each pair of actors, the share of the topics both have a clear position on where they take the same one, from each actor's latest stance on each topic. Actors who side together are placed next to each other.
alignment_lede_month = For each pair of actors, the share of the topics both have a clear position on where they take the same one, from the stances of briefings dated up to { $month }'s last day. { $now }. Actors who side together are placed next to each other.
alignment_snapshots = Snapshots
alignment_first = First snapshot
alignment_latest = Latest
alignment_matrix = Agreement between actors
alignment_capped = The { $shown } actors with a position on the most topics, of { $total } who share a topic with another.
alignment_table_label = Agreement table, scrolls sideways
alignment_caption = Agreement in percent of shared topics; blank: no topic in common. Each pair appears once. A linked number opens the pair's comparison.
alignment_colours = Colours
alignment_none = No two actors shared a topic by then.
alignment_pairs = Pairs compared
alignment_pairs_note = The pairs named together most often, topic by topic.
alignment_months = Month by month
alignment_months_note = Each as it stood at the end of the month.
compare_since = Since
compare_no_stance = no stance
# $count is compare_agree_count, in bold.
compare_agree_count = { $agree } of { $shared }
compare_agree = They agree on { $count } shared { $shared ->
    [one] topic
   *[other] topics
} ({ $percent }%), from each one's latest stance.
compare_none_shared = They share no topic on which both have a clear position, from each one's latest stance.
compare_together = Named together in { $n ->
    [one] { $n } briefing.
   *[other] { $n } briefings.
}
compare_differ = Where they differ
compare_agreed = Where they agree
compare_one_sided = Only one has a clear position
compare_listed = { $listed } of the { $total } topics either took a stance on are listed.
compare_alignment_note = { $link }: every pair of actors.

## Network of actors

network_heading = Network of actors
network_lede_capped = The { $shown } most-named of { $total } actors, and who is named with whom among them.
network_lede = All { $total } actors, and who is named with whom among them.
network_none = No briefing names an actor yet.
network_pairs = Named together most often
network_col_actors = Actors
network_col_both = Briefings naming both
network_most_named = Most-named actors

## Sources

source_graded = Graded { $grade }: { $label }.
source_retracted = Retracted
source_retracted_banner = { $label } on { $date }. The stances resting on it are struck through from that day.
source_retracted_banner_note = { $label } on { $date }: { $note } The stances resting on it are struck through from that day.
source_read = Read the source
source_stances = Stances resting on it
source_stance_quoted = { $stance }: “{ $quote }”
source_briefings = Briefings citing it
source_none = None.
sources_lede = How the { $n ->
    [one] { $n } stance
   *[other] { $n } stances
} recorded on this site are sourced. Grades follow the site's scale: a letter for the source's reliability, a number for the credibility of what it reported.
sources_rest_on = What the stances rest on
sources_reliability = Source reliability
sources_stances = Stances
sources_not_graded = Not graded
sources_no_source = No source
# $count is $n in bold.
sources_single = { $n ->
    [one] { $count } rests
   *[other] { $count } rest
} on a single source (no second source backs the same actor's position on the topic)
sources_paraphrase = { $n ->
    [one] { $count } has
   *[other] { $count } have
} no direct quote, or only a paraphrase
sources_retracted = { $n ->
    [one] { $count } rests
   *[other] { $count } rest
} on a retracted source
sources_on_file = Sources on file
sources_source = Source
sources_grade = Grade
sources_not_graded_short = not graded

## Track record

track_record_lede = How the desk's key judgments fared on questions that have been settled. Each judgment is scored with its Brier score, the square of the distance between the probability it gave and what happened (1 if it came true, 0 if not): 0 is a perfect forecast, 0.25 what always saying 50% earns, 1 the worst.
track_record_scores = Scores
# $score is the desk's mean Brier score, in bold.
track_record_desk = The desk: { $score } over { $n ->
    [one] { $n } judgment.
   *[other] { $n } judgments.
}
track_record_desk_later = The desk: { $score } over { $n ->
    [one] { $n } judgment
   *[other] { $n } judgments
}; { $later ->
    [one] { $later } made after their question was settled is not scored.
   *[other] { $later } made after their question was settled are not scored.
}
track_record_by_author = By author (a judgment counts for every author of its briefing)
track_record_judgments = Judgments
track_record_mean_brier = Mean Brier score
track_record_calibration = Calibration
track_record_levels_label = Calibration by level, a table that scrolls sideways
track_record_levels_caption = Scored judgments by level of likelihood
track_record_band = Band
track_record_stated = Stated, on average
track_record_observed = Observed
track_record_scored = Scored judgments
track_record_scored_caption = Scored judgments, newest first

## Page not found

not_found_heading = Page not found
# $latest, $timeline and $search are links with the three texts below.
not_found_text = There is no page at this address. Try the { $latest }, the { $timeline } or { $search }.
not_found_latest = latest briefings
not_found_timeline = timeline
not_found_search = search
