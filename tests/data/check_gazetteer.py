#!/usr/bin/env python3
"""Checks the gazetteer data files: valid JSON, known fields, coordinates, and
that names, aliases and cross-references are consistent across all files.

Usage: check_gazetteer.py DIR [DIR_OR_FILE ...]
Every *.json under the given directories (and every file given) is read, in
path order as the loader does. Exits 1 and lists every problem found.
"""
import json
import os
import sys

ACTOR_KINDS = {"state", "government", "organisation", "court", "armed_force", "person", "group"}
PLACE_KINDS = {"country", "region", "city", "corridor", "site"}
TOP_FIELDS = {"about", "actors", "places", "conflicts"}
ACTOR_FIELDS = {"name", "kind", "aliases", "metonyms", "adjectives", "nouns", "represents"}
PLACE_FIELDS = {"name", "kind", "lat", "lon", "country", "aliases", "nouns"}
CONFLICT_FIELDS = {"name", "parties", "places"}
# Surface forms that name an entry outright; nouns ("the court") are anaphors
# and may be shared by many entries.
ACTOR_SURFACES = ("aliases", "metonyms", "adjectives")
PLACE_SURFACES = ("aliases",)


class Checker:
    def __init__(self):
        self.errors = []
        # list name -> entry name -> file where defined
        self.defined = {"actors": {}, "places": {}, "conflicts": {}}
        # list name -> surface form -> (entry name, file)
        self.surfaces = {"actors": {}, "places": {}}
        self.entries = {"actors": [], "places": [], "conflicts": []}

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def load(self, path):
        def no_duplicate_keys(pairs):
            seen = {}
            for key, value in pairs:
                if key in seen:
                    raise ValueError(f"duplicate key {key!r}")
                seen[key] = value
            return seen

        def no_constants(name):
            raise ValueError(f"{name} is not valid JSON")

        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f, object_pairs_hook=no_duplicate_keys, parse_constant=no_constants)
        except (OSError, ValueError) as e:  # JSONDecodeError is a ValueError
            self.error(path, f"cannot read: {e}")
            return None

    def check_strings(self, where, entry, field):
        value = entry.get(field)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() == s and s for s in value):
            self.error(where, f"{field!r} must be a list of non-empty, trimmed strings")
            return []
        if len(set(value)) != len(value):
            self.error(where, f"{field!r} repeats a value")
        return value

    def check_name(self, where, entry):
        name = entry.get("name")
        if not isinstance(name, str) or not name or name.strip() != name:
            self.error(where, "'name' must be a non-empty, trimmed string")
            return None
        return name

    def claim(self, list_name, surface, owner, path):
        previous = self.surfaces[list_name].setdefault(surface, (owner, path))
        if previous[0] != owner:
            self.error(f"{path}: {list_name} {owner!r}",
                       f"{surface!r} is already claimed by {previous[0]!r} ({previous[1]})")

    def define(self, list_name, name, path):
        if name in self.defined[list_name]:
            self.error(f"{path}: {list_name} {name!r}",
                       f"duplicate name, already defined in {self.defined[list_name][name]}")
            return False
        self.defined[list_name][name] = path
        return True

    def check_file(self, path):
        data = self.load(path)
        if data is None:
            return
        if not isinstance(data, dict):
            self.error(path, "the top level must be an object")
            return
        for key in data.keys() - TOP_FIELDS:
            self.error(path, f"unknown top-level field {key!r}")
        if not isinstance(data.get("about"), str) or not data["about"]:
            self.error(path, "'about' must say what the file covers and its sources")
        for list_name, fields, check in (("actors", ACTOR_FIELDS, self.check_actor),
                                         ("places", PLACE_FIELDS, self.check_place),
                                         ("conflicts", CONFLICT_FIELDS, self.check_conflict)):
            entries = data.get(list_name, [])
            if not isinstance(entries, list):
                self.error(path, f"{list_name!r} must be a list")
                continue
            for i, entry in enumerate(entries):
                where = f"{path}: {list_name}[{i}]"
                if not isinstance(entry, dict):
                    self.error(where, "must be an object")
                    continue
                name = self.check_name(where, entry)
                if name is None:
                    continue
                where = f"{path}: {list_name} {name!r}"
                for key in entry.keys() - fields:
                    self.error(where, f"unknown field {key!r}")
                check(where, entry)
                if self.define(list_name, name, path):
                    self.entries[list_name].append((path, entry))

    def check_actor(self, where, actor):
        if actor.get("kind") not in ACTOR_KINDS:
            self.error(where, f"'kind' must be one of {sorted(ACTOR_KINDS)}")
        for field in ACTOR_SURFACES + ("nouns",):
            self.check_strings(where, actor, field)
        if "represents" in actor:
            if not isinstance(actor["represents"], str) or not actor["represents"]:
                self.error(where, "'represents' must name an actor")
            elif actor["represents"] == actor["name"]:
                self.error(where, "an actor cannot represent itself")

    def check_place(self, where, place):
        if place.get("kind") not in PLACE_KINDS:
            self.error(where, f"'kind' must be one of {sorted(PLACE_KINDS)}")
        for field, low, high in (("lat", -90, 90), ("lon", -180, 180)):
            value = place.get(field)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.error(where, f"{field!r} must be a number")
            elif not low <= value <= high:
                self.error(where, f"{field!r} {value} is outside [{low}, {high}]")
        if "country" in place and (not isinstance(place["country"], str) or not place["country"]):
            self.error(where, "'country' must name a state")
        for field in PLACE_SURFACES + ("nouns",):
            self.check_strings(where, place, field)

    def check_conflict(self, where, conflict):
        parties = self.check_strings(where, conflict, "parties")
        if len(parties) < 2:
            self.error(where, "a conflict needs at least two parties")
        self.check_strings(where, conflict, "places")

    def check_references(self):
        actors, places = self.defined["actors"], self.defined["places"]
        # Names first, so that an alias repeating another entry's name is
        # reported against the alias, whatever the file order.
        for list_name, surfaces in (("actors", ACTOR_SURFACES), ("places", PLACE_SURFACES)):
            for path, entry in self.entries[list_name]:
                self.claim(list_name, entry["name"], entry["name"], path)
            for path, entry in self.entries[list_name]:
                for field in surfaces:
                    for surface in entry.get(field) or []:
                        if isinstance(surface, str):
                            self.claim(list_name, surface, entry["name"], path)
        for path, actor in self.entries["actors"]:
            target = actor.get("represents")
            if isinstance(target, str) and target and target not in actors:
                self.error(f"{path}: actors {actor['name']!r}", f"represents unknown actor {target!r}")
        for path, place in self.entries["places"]:
            country = place.get("country")
            if isinstance(country, str) and country and country not in actors:
                self.error(f"{path}: places {place['name']!r}", f"country {country!r} is not an actor")
        for path, conflict in self.entries["conflicts"]:
            where = f"{path}: conflicts {conflict['name']!r}"
            for party in conflict.get("parties") or []:
                if isinstance(party, str) and party not in actors:
                    self.error(where, f"party {party!r} is not an actor")
            for place in conflict.get("places") or []:
                if isinstance(place, str) and place not in places:
                    self.error(where, f"place {place!r} is not a place")


def json_files(args):
    files = []
    for arg in args:
        if os.path.isdir(arg):
            for root, _, names in os.walk(arg):
                files += [os.path.join(root, n) for n in names if n.endswith(".json")]
        else:
            files.append(arg)
    return sorted(files)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    files = json_files(argv[1:])
    if not files:
        print(f"no gazetteer files under {' '.join(argv[1:])}", file=sys.stderr)
        return 1
    checker = Checker()
    for path in files:
        checker.check_file(path)
    checker.check_references()
    for message in checker.errors:
        print(message, file=sys.stderr)
    counts = ", ".join(f"{len(checker.defined[k])} {k}" for k in ("actors", "places", "conflicts"))
    print(f"{len(files)} files, {counts}: {len(checker.errors)} problems")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
