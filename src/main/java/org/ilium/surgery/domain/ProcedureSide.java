package org.ilium.surgery.domain;

/** Which joint(s) were fused; a bilateral fusion is staged (two operations) or done on the same day. */
public enum ProcedureSide {
    LEFT, RIGHT, BILATERAL_STAGED, BILATERAL_SAME_DAY
}
