"""What a night is given: the manifest, files behind URIs, the lexicon configuration."""
