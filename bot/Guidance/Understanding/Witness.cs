namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>Whether a message tells of something someone else did, rather than asking about the member of staff's own act.</summary>
internal static class Witness
{
    /// <summary>"A parent posted…", "someone commented…": the member of staff saw something rather than
    /// asking about their own post.</summary>
    public static bool SomeoneElseDidIt(Message m) =>
        !FactReader.IsMyReaction(m)
        && !Pattern.Of("can|could|may|should|shall|do i ~ post|put|share|upload|publish|tweet|film|record|take|set|start|create").IsIn(m)
        && !Pattern.Of("can|could|may|should|shall|do i ~ leave ~ comment|review|reply|message|note").IsIn(m)
        && Pattern.Of("someone|somebody|parent|pupil|student|colleague|people|they|he|she|person|mum|dad|account|child|kid|year|group|teacher|staff|friend").Matches(m)
            .Any(subject => Enumerable.Range(subject.End + 1, 3).Any(v => IsPublishing(m, v) && !m.Is(v - 1, "to") && m[v + 1] != "me"
                && Enumerable.Range(subject.End + 1, v - subject.End - 1).All(between => m[between].All(char.IsAsciiDigit) || m[between] is "has" or "have" or "had" or "been" or "is" or "are" or "was" or "were" or "keeps" or "kept" or "just" or "also" or "already" or "then")));

    private static bool IsPublishing(Message m, int i) =>
        m[i] is "posted" or "posting" or "posts" or "commented" or "commenting" or "shared" or "sharing" or "uploaded" or "uploading" or "wrote"
            or "writing" or "written" or "created" or "creating" or "tweeted" or "tweeting" or "tagged" or "tagging" or "put" or "putting"
            or "filmed" or "filming" or "recorded" or "recording" or "liked"
        || m[i] is "set" or "setting" or "started" or "starting" && m[i + 1] is "up" or "a" or "an";
}
