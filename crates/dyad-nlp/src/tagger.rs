//! Part-of-speech tagger (Penn XPOS and UPOS), trained on UD English-EWT. (in progress)
