package dev.comeback.core.group;

/**
 * What a member lets their group see. Stored by name. {@link #CHECK_INS} (the default): whether they checked
 * in today, their streak and reminder adherence. {@link #PROGRESS}: also their phase and pain trend.
 */
public enum Sharing { CHECK_INS, PROGRESS }
