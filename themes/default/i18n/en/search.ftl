# The search page (search.html) and what its script (search.js) says. A count's message is
# one select on $n: the page hands each variant to the script, which picks the one for the
# number as Fluent would (an exact number such as [0] first, then the plural category).
# Other variables ($found, $checked, $total) are filled in by the script.

search_title = Search
search_label = Search every word of every briefing, and names, aliases and tags; put a phrase in "quotes"
search_button = Search
search_narrow = Narrow down
search_actor = Actor
search_any_actor = Any actor
search_place = Place
search_any_place = Any place
search_topic = Topic
search_any_topic = Any topic
search_tag = Tag
search_any_tag = Any tag
search_from = From
search_to = To
search_noscript = Search needs JavaScript. Without it, browse these lists:
search_entities_label = Actors, places and topics
search_more = Show more results
search_further = Search further
search_loading = Loading the index…
search_failed = The search index could not be loaded.
search_stale = The search index has changed since this page was loaded: reload the page to search.
search_found = { $n ->
    [0] No briefing found.
    [one] { $n } briefing found.
   *[other] { $n } briefings found.
}
search_phrase = At least { $found } found with the exact phrase; { $checked } of the { $total } briefings with all its words checked so far.
search_rough = Ranked as if the phrase were in the body.
search_completed = The last word was completed to its most frequent words: type more to narrow.
search_cut = { $n ->
    [one] Only the first word was searched.
   *[other] Only the first { $n } words were searched.
}
search_count = { $n ->
    [one] { $n } briefing
   *[other] { $n } briefings
}
search_kind_actor = actor
search_kind_place = place
search_kind_topic = topic
search_kind_author = author
