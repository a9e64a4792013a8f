//! Lemmatizer: rules plus an exception table learned from EWT lemmas. (in progress)
