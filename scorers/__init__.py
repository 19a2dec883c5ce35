"""Pure logic: text normalisation, matching, rules and rubric maths.

Nothing in this package opens files, loads models or talks to Prefect: every
function takes plain data and returns plain data, so it is testable in
milliseconds.
"""
