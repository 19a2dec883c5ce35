"""What people open: the static HTML report and the trainers' clips."""
