# Words the engine writes into pages, feeds and social cards around the content: page titles,
# breadcrumbs, chart captions and labels, feed titles, the sentences of change feeds.
# Ids are prefixed by area. Dates and numbers in placeables come already formatted in the
# page's language; a number given for a plural (`$n`) is shown with the language's grouping.

## How a position is shown. Data and CSS classes keep the English keyword (`supports`).

stance_supports = supports
stance_opposes = opposes
stance_mixed = mixed
stance_neutral = neutral
stance_unclear = unclear

## A position after a count in a tally ("3 support · 1 opposes"), agreeing with $n.

tally_supports = { $n ->
    [one] supports
   *[other] support
}
tally_opposes = { $n ->
    [one] opposes
   *[other] oppose
}
tally_mixed = { $n ->
   *[other] mixed
}
tally_neutral = { $n ->
   *[other] neutral
}
tally_unclear = { $n ->
   *[other] unclear
}

## Kinds of entity: one of them (a link preview's first fact), all of them (index pages
## and breadcrumbs).

kind_actor = Actor
kind_place = Place
kind_topic = Topic
kind_author = Author
kind_actors = Actors
kind_places = Places
kind_topics = Topics
kind_authors = Authors

## Estimative language: the seven levels of likelihood, the desk's confidence, answers.

likelihood_almost_no_chance = almost no chance
likelihood_very_unlikely = very unlikely
likelihood_unlikely = unlikely
likelihood_roughly_even_chance = roughly even chance
likelihood_likely = likely
likelihood_very_likely = very likely
likelihood_almost_certain = almost certain
confidence_low = low
confidence_moderate = moderate
confidence_high = high
answer_yes = yes
answer_no = no

## Numbers written with a sign: $value is already a number in the page's language.

number_percent = { $value }%
# A band of probabilities, 80–95%.
number_percent_band = { $low }–{ $high }%

## Page titles, descriptions and breadcrumbs.

page_title_paged = { $title }, page { $n } of { $count }
page_title_all_briefings = All briefings
page_title_timeline = Timeline
page_title_tags = Tags
page_title_tagged = Tagged “{ $tag }”
page_title_search = Search
page_description_search = Search the briefings of { $site }
page_title_not_found = Page not found
page_title_corrections = Corrections and updates
page_title_network = Network of actors
page_description_network = Who is named with whom: the most-named actors and the pairs most often named together
# An actor's role or an author's bio after their name, as a page's description.
page_description_role = { $name }: { $role }
page_title_as_of = { $name } as of { $date }
page_description_as_of_topic = Who stood where on { $name } at the end of { $date }
page_description_as_of_actor = { $name }’s positions at the end of { $date }
page_title_alignment = Who agrees with whom
page_description_alignment = How often each pair of actors takes the same position on the topics both have a position on
page_title_alignment_month = Who agreed with whom, { $month }
page_description_alignment_month = How often each pair of actors took the same position, from the stances dated up to the end of { $month }
page_title_compare = { $a } and { $b } compared
page_description_compare = Where { $a } and { $b } agree and differ, topic by topic, and since when
page_title_track_record = Track record
page_description_track_record = How the desk's key judgments fared on questions that have been settled
page_title_sources = Sources
page_description_sources = How the claims of this site are sourced.
page_description_source = What rests on { $title }.
crumb_timeline = Timeline
crumb_tags = Tags
crumb_alignment = Who agrees with whom
crumb_sources = Sources

## Periods of a role, a name or an affiliation; $from and $to are dates.

period_range = { $from } – { $to }
period_since = since { $from }
period_until = until { $to }

## Places: coordinates and the locator map.

coords = { $lat }° { $ns }, { $lon }° { $ew }
coords_north = N
coords_south = S
coords_east = E
coords_west = W
map_locator_summary = Map of the area around { $name }, with { $name } marked
map_locator_summary_parent = Map of the area around { $shown }, with { $shown } marked: { $name } has no coordinates of its own
map_world_summary = World map of { $n ->
    [one] { $n } place
   *[other] { $n } places
}, each marked by a circle whose area grows with the briefings naming it
map_world_summary_most = World map of { $n ->
    [one] { $n } place
   *[other] { $n } places
}, each marked by a circle whose area grows with the briefings naming it (the { $n } most named of { $total })

## Drawings of who is named with whom.

network_ego_summary = { $name } and the { $n } actors most often named with them; a line joins two actors named in the same briefings, thicker when more
network_site_summary = The { $n } most-named actors; a line joins two of them named in the same briefings, thicker when more ({ $pairs } pairs)

## Charts. Their dates come formatted: $date and $from, $to as `20 Nov 2025`.

chart_stance_summary = Stance history chart: { $actors ->
    [one] { $actors } actor
   *[other] { $actors } actors
}, { $stances ->
    [one] { $stances } stance
   *[other] { $stances } stances
} { $period }. The table gives the same stances as text.
chart_stance_period_day = on { $date }
chart_stance_period = from { $from } to { $to }
# One mark of the chart (the default theme does not draw it).
chart_mark_title = { $date }: { $position } — { $title }
# A bar of the activity chart that counts a week, named by its Monday.
chart_week_of = week of { $date }
chart_bar_title = { $period }: { $n ->
    [one] { $n } briefing
   *[other] { $n } briefings
}
# $unit is `month` or `week`; $first, $last and $busiest are periods.
chart_activity_summary = Briefings per { $unit ->
    [week] week
   *[month] month
}, { $first } to { $last }: { $total } in all, most on { $busiest } ({ $count }).
chart_calibration_point = { $likelihood }: { $n ->
    [one] { $n } judgment
   *[other] { $n } judgments
}, { $percent } came true
chart_calibration_summary = Calibration of { $n ->
    [one] { $n } scored judgment
   *[other] { $n } scored judgments
} over { $levels ->
    [one] { $levels } level
   *[other] { $levels } levels
} of likelihood: stated probability against how often they came true; the diagonal is perfect calibration

## Who agrees with whom: one cell of the matrix, then the same with the two names.

alignment_cell_none = share no topic
alignment_cell = agree on { $agree } of { $shared ->
    [one] { $shared } topic
   *[other] { $shared } topics
} ({ $percent })
alignment_cell_label = { $a } and { $b } { $cell }

## Sources and how they are graded (the Admiralty code, unless the site gives its own).

grade_reliability_a = Completely reliable
grade_reliability_b = Usually reliable
grade_reliability_c = Fairly reliable
grade_reliability_d = Not usually reliable
grade_reliability_e = Unreliable
grade_reliability_f = Reliability cannot be judged
grade_credibility_1 = Confirmed by other sources
grade_credibility_2 = Probably true
grade_credibility_3 = Possibly true
grade_credibility_4 = Doubtful
grade_credibility_5 = Improbable
grade_credibility_6 = Truth cannot be judged
# A grade in words: the credibility's label comes with its first letter in lower case.
grade_label = { $reliability }; { $credibility }
grade_label_reliability_only = { $reliability }; credibility not graded
grade_label_credibility_only = Reliability not graded; { $credibility }
grade_no_reliability = No reliability given

## Feeds.

feed_title_entity = { $name } — { $site }
feed_title_tag = Tagged “{ $tag }” — { $site }
feed_title_corrections = Corrections — { $site }
feed_title_changes = Changes of position — { $site }
feed_title_changes_of = { $name }: changes of position — { $site }
feed_correction_summary = Correction: { $text }
feed_change_summary = “{ $quote }” — { $title }

## A change of position told as a sentence, in change feeds and digests: the change, then
## who voiced it and its source when given.

change_sentence = { $actor }: { $change } on { $topic }, { $date }
change_from_to = { $from } → { $to }
change_first = takes position: { $to }
change_per = { $sentence }, per { $by }
change_source = { $sentence } [{ $source }]

## Social cards: the image's description.

card_alt = { $title } — { $site }, { $date }

## The page left at a moved page's old address.

redirect_title = Moved: { $title }
redirect_heading = Moved
redirect_text = This page has moved to { $link }.
# Labels bodies write of their own: a footnote's way back, a task list's boxes.
body_footnote_back = Back to the text
body_task_done = done
body_task_not_done = not done
