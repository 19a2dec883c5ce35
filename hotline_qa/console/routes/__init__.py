"""The console's routes, one router per area: sign-in, pages, clips and audio, the API."""
