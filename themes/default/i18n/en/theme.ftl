# Words of the default theme's templates. Ids use underscores so that templates can write
# them as fields: {{ tr.nav_briefings }}.

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
