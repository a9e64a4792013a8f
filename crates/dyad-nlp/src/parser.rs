//! Transition-based dependency parser producing UD relations, trained on UD English-EWT. (in progress)
