"""What deals come to: outcomes, calibration of the stars, and the day's loop around them."""
