"""Judge: roles, rules and rubric over transcribed calls; plain rows in and out."""
