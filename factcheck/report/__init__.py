"""Reporters: findings and facts as terminal text or JSON."""
