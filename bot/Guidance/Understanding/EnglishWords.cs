namespace TeamsPolicyBot.Guidance.Understanding;

/// <summary>
/// Ordinary words, never "corrected" towards a domain word: the vocabulary of the five shipped policies
/// plus everyday English, social media words ("repost" must not become "report") and the words staff use of a child
/// at risk of harm ("scared" must not become "shared").
/// </summary>
internal static class EnglishWords
{
    public static readonly IReadOnlySet<string> All = Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private const string Text = """
        abide ability able about above abuse abusive academies academy accept acceptable accepting access accessed
        accessible accessing accordance according accordingly account accounts achievement acknowledge
        acknowledgement across act acting action active actively activities activity acts actually add added adding
        addition address addresses adhere adhered adjust adjusted adopted adult adults advance adversely advice
        advisable advise advised affect affected affecting after afternoon again against age agency ago agree agreed
        agreement ahead aim aims air alert all allegations allow allowed allows almost alone along alongside already
        alright also although alumni alumnus always am among amount an and angry annually anonymised anonymous
        another answer anti any anybody anyone anything anyway anywhere app appear appendix applicant application
        applications applied applies apply appropriate appropriately appropriateness approval approved apps are area
        areas arena arise arises arising around arrange as ask asked asking asks aspects assessed assessment
        associated association assumed assumption at attached attack attendance attention attributed audience aunt
        auntie aunty author authorise authorised authority availability available avatar avoid aware awareness away
        awful baby back backgrounds bad badly badmouth badmouthing bag balance balanced ball ban band bank banner bar
        base based basis bbc be beach bear bearing became because become becomes bed been before began begin behalf
        behave behaved behaviour behind being believe belonging below benefits best better between beyond big bike
        bill bio birth birthday bit black block blocked blocking blog blogs bluesky blur board boards body book
        booked bored boring born borrow boss both bottom bought boundaries box boy boyfriend boys branding breach
        breaches breaching break bring bringing broke broken brother brought brown build building built bully
        bullying bus business busy but buy by call called calling came camera campaigns can candidates cannot
        capacity caption captions car card care careful carefully carer carers carried carry case cases cat catch
        caught cause caused caution ce cease celebrate centre certain chain chair challenge chance change changed
        changes channels characteristics chat chatrooms chatting cheap check checked checking chief child children
        choice choose christ christmas church circulate circulated circulating circumstance circumstances city civil
        clarity class classroom clean clear clearly click close closed closely clothing club co code coffee
        coincidentally cold collaborative colleague colleagues come comes coming comment commentary commenting
        comments commercial commercially commit commitment committed committee committing common communicate
        communicated communicating communication communications communities community company compatible complaints
        complete completed completely compliance comply composing compromised compromising computer computers concern
        concerned concerns concert conduct conducted confidence confidential confidentiality conflict conjunction
        connected connections conscious consent consider considerate consideration considerations considered
        considering consistency consistent constitute consultancy consultation consulted contact contacting contacts
        content contents continue contractors contradict contravene contravention contribute control controlled
        controller controversial conversation conversational conversations cook cool copied copy copyright corner
        correct correctly cost could council councils count country couple course cousin cousins cover covered
        covering covers crazy create created creates creating creation criminal criticise cross cry ctu cup current
        curriculum cut dad daily damage damaging dance dancing dark data date daughter day days ddpr dead deal
        dealing dealt dear decide decided decisions declaration declare deem deemed defamation defamatory defame
        defined definition delete deleted deleting deletion demonstrate department depending depicting derogatory
        designated designed despite details determine develop device devices did didn die different differently
        difficult digital dinner direct direction directly director disability disadvantage discern disciplinary
        disclaimer disclosure disco discord discouraged discriminate discrimination discriminatory discuss discussed
        discussing discussion discussions disliking dismissal disrepute disruption distinction distinguish
        distribution diversity divulge do doctor document documents does doesn dog doing dojo domain don done door
        double doubt down draft draw dream dress dressed drink drive drop dsls due during duties duty each early easy
        eat education educational effect effectively eg either electronic else email emailed emails embed emerge
        emerging emma employed employee employees employer employment empower encourage encouraged encouraging
        encyclopedias end ended engage engaged engagement engaging enhance enjoy enough ensure ensures ensuring
        entitled environment environments equal equalities equality equally equipment equitable esafety escalated
        escalating essential establish etc even event events ever every everybody everyone everything ex exactly exam
        examining example examples exams except exception excited exciting executive exercise exhaustive expect
        expectations expected expects explain explained explicit explore exposed express expressed expressing
        extensive external extreme extremely eye face facebook facilities fact failing failure fair faith fall false
        familiarise families family far fast father favourite fear featured feed feel feeling felt few fictitious
        field fiert fierte fight figure fill filmed final finally financial find fine finish finished finstock fire
        first fit five fix flexibly flickr floor fly follow followed follower following follows food foot football
        footprint for force forget forgot form formal formally former formerly formers forms forum forums forward
        found four framework free freedom frequency frequently friday friend friendly friends friendster from front
        fuel full fully fun funny further future gain game games gaming garden gave gdpr gender generally generically
        get gets getting girl girlfriend girls give given gives giving glad go god goddaughter godson goes going gone
        good google gossip gossiping got governance governing governor governors graduate graduated grandad
        grandchild grandchildren granddaughter grandma grandpa grandson granny granted great green grievance
        grievances grooming gross ground grounds group groups grow guarantee guaranteed guess guidance guide
        guidelines guy guys had hair half hand handle handling handover happen happened happy harass harassing
        harassment hard harm harmed harmful has hashtag hashtags hate hateful have having he head header headteacher
        headteachers health hear heard heart heat held hello help helps hemmingsley hence henry her here herein hers
        herself hey hi high highest him himself his history hit hold holder holiday home hope horrible hospital
        hostile hot hour hours house how however hr huge human humiliate hundred hurt husband ict idea ideas
        identifiable identified identify identifying identity idiot ie if ignore ii iii ill illegal image images
        immediately impact impacting implications important impression improper improved in inadvertently
        inappropriate inbox incident incidents include included includes including incompatible incompetent increase
        indeed indicates indirectly individual individuals infant infants influences inform informally information
        informative informed infringe initial injured inside insight inspired instagram instance instantly instead
        insult integral intended intention interact interacting interaction interactive interested interests
        interfere internal internet intervention interview intimidate intimidating intimidation into introduction
        investigate investigated investigation invite invited involve involved involvement involving irrespective
        irreversible is isn issue issued issues it its itself iv january jeopardise jest jesus job join joined
        joining joke journalist judgement judgments july juniors just keep keeping kept key kid kids kind knew know
        knowing knowledge known lad lado language larger last late later laugh laws lead leader leadership learn
        learning least leave leaver leavers leaving left legal legally legislation legitimate legitimately less
        lesson let letter letters level levels lewd liable libellous libelous lie life like liked likely likes liking
        limited line lines link linked linkedin links list listen listings little live lives livestream living local
        lock log logo logon logos logs long longer look looked looking lose lost lot lots love lovely low lunch mad
        made mail mails maintain maintained make makes making malicious man manage management manager managers
        managing manner many mark market marketing marriage mastodon mat match material materials maternity matter
        matters may maybe me mean means measured measures media medium meet meeting meets member members mention
        mentioned message messages messaging messenger met method methods microblogging microblogs middle might mind
        mine minimise minor minors minute minutes misconduct misconstrued misinterpretation misinterpreted misleading
        miss missed mission mistake mistakes misuse misused moan moaning moans mobile modern moment monday money
        monitor monitored monitoring month months more morning most mother motives move moved movie much multi mum
        music must my myself name named names nan nana national nature near nearly necessarily necessary need needs
        negative neighbour neighbours neither nephew nephews network networking networks never new news newsfeed
        newsletters newspapers next nice niece nieces night nightmare nine no nobody non none nor normal norms not
        note nothing notice notification notifications now number numbers nursery objectives obscenity observed
        obtained occasional occasionally occasions occurs of off offence offensive offering office officer official
        often oh ok okay old older on once one online only onto open operate operating opinion opinions opportunities
        opt option or order orderly organisations orientation original other others otherwise our ours out outlined
        outside over own page pages paid paper paragraphs parent parental parents park part participate participating
        participation particular parties partners partnership partnerships party pass passwords past pay people
        peoples perhaps permanency permanent permissible permission permissions permitted person personal personally
        personnel phone photo photographed photographs photos pick picture pictures pinterest place placed plan
        platforms play please plus podcasts point points police policies policy politely political poor pornographic
        pose position positive positively possibilities possible possibly post posted posting postings posts
        potential potentially practice practices precautions predictable pregnancy premises presence present pretty
        prevent prevented previously price primary principle principles prior prioritise privacy private privately
        pro probably problem problematic problems procedure procedures proceeding process processes productivity
        profession professional professionalism professionally professionals professions profile profiles programs
        prohibited projects promote promoted promoting promotion proportion prospectus protect protected protection
        protocol protocols provide provided provides providing ptfa public publicity publicly publish published
        publishing pupil pupils purpose purposes pursue put queen queries question quick quickly quiet quite race
        racist raise raised raising range rant ranting rather read ready real realise realising really reaped reason
        reasonable reasonableness reasonably reasons reassignment receipt receive received recent reception recognise
        recognised recognises recommended record recorded recordings records recruitment reddit redistributed reel
        reels refer reference referred reflect reflects regard regarded regarding regardless register registration
        regular regularly regulations rejected related relating relation relationship relationships relatives
        relevant religion religious remain remarks remember remind reminded remote remove removed render
        repercussions reply report reported reporting reports repost reposted reposting reposts represent
        representation representative representatives represents reproduce reputation reputations request requests
        require required requirement requirements requires reset reshare reshared resources respect respected
        respectful respond responded responding response responsibilities responsible responsibly rest restrict
        restricted restricting result retaining retweeted retweeting retweets reveal revealed review reviewed
        reviewing ridicule right rights ring rise risk risks road role roles room round rubbish rude rule rules
        rumours run running sad safe safeguard safeguarding safely safer safety said same sanctioned sanctions
        satisfied saturday save saw say saying says scale school schools scope screen scrutiny search second
        secondary section sections security see seek seeks seem seen seesaw selected self selfie selfies sell send
        sending senior sensitive sensitivity sent separate september serious seriously serves service services set
        sets setting settings several sex sexist sexual sexually shall share shared sharing she shop short
        shortlisted should show shown side sign signal significantly signs similar simple since single sister sit
        site sites situation six sixth size skype slag slagged slagging sleep slow slt small snapchat so social
        societas society solely solicitations soliciting some somebody someone something sometimes son soon sorry
        sort sought sound source sourcing space spaces spam speak specific specifically spend spent sport sports
        spouse staff staffordshire stakeholder standard standards start started statement statements status statutes
        statutory stay steam step stepdaughter steps stepson still stoke stop stories story strategy stream streaming
        street strictly strive strong strongly student students stuff stupid subject subjected subscriber subsequent
        such suggest suitability summary summer sunday support sure suspected swiftly system systems table tagged
        tagging take taken takes taking talk target taught tea teach teacher teachers teaches teaching team teams
        technical technologies teenager teenagers teens telegram telephone tell temptation ten term terms tes test
        than thank thanks that the their them themselves then there therefore these they thing think third thirties
        this those though thought threads threat threatened threatening threats three through throwaway thursday
        tiktok time timeline times tired to today together told tolerated tomorrow tone too took tools top total
        touch towards town trade training transparent treat treatment trent trinity trip trips true truly trust
        trustee trustees trusts try trying ts tuesday turn turning turns tutees tutor tweet tweeted tweeting tweets
        twenties twice twitter two type types unacceptable uncle under underage undermine understand understanding
        understands understood undertaken unfollow unfollowed unions unjustified unless unprofessional unrelated
        until unwanted unwelcome up update upload uploaded upon upset us usage use used useless user username users
        uses using usual usually values vent venting verbal verbally version very vi via victimisation video videos
        view viewed viewing views vii viii virtual visit visitors vital vlogs vocation voice volunteer volunteers
        vulnerable wait walk want wanted wants warm was watch water way ways we wear web website websites wedding
        wednesday week weekend weird welfare well wellbeing went were west what whatever whatsapp when where whereas
        whether which while whilst whistleblowing white who whole whose why wide widely wider widespread wife
        wikipedia will win window wish wishes wishing with within without woman won word words work worked worker
        workers working workplace world worlds worried worry would write writing written wrong xbox year years yes
        yesterday yet yorkshire you young youngsters your yours yourself youtube
        abused afraid anorexia anorexic assaulted beaten bulimia cutting cuts depressed disorder dying eating exploited
        frightened groomed hurting kill killing mentions missing overdose overdosed pills raped runaway scared scars
        starving suicidal suicide trafficked unsafe wanting
        """;
}
