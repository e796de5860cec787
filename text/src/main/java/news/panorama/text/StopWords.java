package news.panorama.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Short lists of function words per language, already folded, that carry no topic. English is
 * always added, because English quotes and names turn up in every language's news.
 */
final class StopWords {
  private static final Map<String, String> LISTS = Map.ofEntries(
      Map.entry("en", "a an the and or but if of to in on at by for from with without about into over under after"
          + " before between through during against as than then so not no nor is are was were be been being am"
          + " has have had having do does did done will would shall should can could may might must it its it's"
          + " this that these those there here he she they we you i me him her them us our your their his hers"
          + " theirs my mine who whom whose which what when where why how all any both each few more most other"
          + " some such only own same too very just also said says say told tell according while up down out off"
          + " again further once s t mr mrs ms one two new"),
      Map.entry("fr", "le la les un une des du de d l et ou mais donc or ni car ce cet cette ces il elle ils elles on"
          + " nous vous je tu se sa son ses leur leurs lui y en au aux a à est sont été être avait avoir ont fait"
          + " dans sur sous par pour avec sans chez entre vers qui que qu quoi dont où ne pas plus moins très aussi"
          + " comme si tout tous toute toutes autre autres même déjà selon lors après avant depuis"),
      Map.entry("de", "der die das den dem des ein eine einer eines einem einen und oder aber doch nicht kein keine"
          + " ist sind war waren sein hat haben hatte wird werden wurde wurden kann können soll sollte mit von zu"
          + " zum zur im in an am auf aus bei nach vor über unter für gegen durch ohne um als wie auch noch nur"
          + " schon sehr so dass er sie es wir ihr ich du man sich dieser diese dieses jener welche welcher"
          + " mehrere einige viele alle beide beiden andere anderen weitere weiteren jeder jede jedes rund etwa"),
      Map.entry("es", "el la los las un una unos unas y o pero ni que de del al a en con sin por para sobre entre"
          + " hasta desde es son fue fueron ser estar está están ha han había se su sus le les lo él ella ellos"
          + " ellas nos este esta estos estas ese esa como más muy también ya no si cuando donde según tras"),
      Map.entry("it", "il lo la i gli le un uno una e o ma né che di da del della dei degli delle al alla ai in"
          + " nel nella con su per tra fra è sono era erano stato essere ha hanno aveva si suo sua suoi sue lui"
          + " lei loro questo questa quello quella come più molto anche già non se quando dove dopo secondo"),
      Map.entry("pt", "o a os as um uma uns umas e ou mas nem que de do da dos das ao aos à às em no na nos nas com"
          + " sem por para pelo pela sobre entre até desde é são foi foram ser estar está estão tem têm se seu sua"
          + " seus suas ele ela eles elas este esta isso como mais muito também já não quando onde segundo após"),
      Map.entry("ru", "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее"
          + " мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был была были"
          + " него до вас нибудь уж вам сказал ведь там потом себя ничего ей может они тут где есть надо ней для"
          + " мы тебя их чем сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого"
          + " какой совсем ним здесь этом один почти мой тем чтобы нее сейчас куда зачем всех никогда можно при"
          + " об также это эти этой заявил"),
      Map.entry("uk", "і й та в у на з із зі до від по за для про при не що як а але або це цей ця ці той та ті"
          + " він вона воно вони ми ви я ти його її їх їм нам вам був була було були бути є буде який яка яке які"
          + " також вже ще лише тільки коли де щоб чи би б же ж так ні над під між після через без заявив"),
      Map.entry("tr", "ve veya ile ama fakat de da ki bu şu o bir için gibi daha çok en her ne mi mı mu mü olan"
          + " olarak ise değil var yok kadar sonra önce göre ancak bunu bunun onun şey dedi"),
      Map.entry("ar", "في من إلى على عن مع أن إن أنه أنها كان كانت قد لم لن ما لا أي كل بعد قبل بين حيث هذا هذه ذلك"
          + " تلك الذي التي الذين هو هي هم وهو وهي وفي ومن أو ثم كما إذ إذا منذ حتى عند لدى خلال نحو أمس اليوم غدا"
          + " يوم عام قال وقال أضاف وأضاف أكد وأكد أعلن وأعلن أعلنت فيما بينما أيضا عما وكان وكانت"),
      Map.entry("ja", "は を が に の で と も へ や から まで より こと これ それ あれ この その ため した する"
          + " して され さ れ ます です いる ある なる ない た て だ"
          // the calendar and counter units a number is written with, and suffixes the word breaker cuts off
          + " 年 月 日 時 分 秒 人 者 的 中 第 行 後 前 等 氏 回 目 件 名"),
      Map.entry("zh", "的 了 和 是 在 也 有 就 不 都 而 及 与 这 那 之 其 或 被 对 为 以 于 将"));

  private static final Map<String, Set<String>> FOLDED = fold();

  private StopWords() {}

  private static Map<String, Set<String>> fold() {
    Map<String, Set<String>> out = new java.util.HashMap<>();
    LISTS.forEach((lang, words) -> {
      Set<String> s = new HashSet<>();
      for (String w : words.split(" ")) {
        if (!w.isEmpty()) s.add(Folding.fold(w));
      }
      out.put(lang, Set.copyOf(s));
    });
    return Map.copyOf(out);
  }

  /**
   * Whether a folded word is a stop word in {@code language} or in English. In Japanese a word
   * written in hiragana alone is one too: news writes its names and topics in kanji, katakana and
   * Latin letters, and the hiragana runs the word breaker leaves are particles, auxiliaries and
   * inflections (による, として, という, では, てい), which the short list above cannot enumerate.
   */
  static boolean contains(String language, String folded) {
    Set<String> en = FOLDED.get("en");
    if (en.contains(folded)) return true;
    String lang = language.toLowerCase(Locale.ROOT);
    if (lang.equals("ja") && allHiragana(folded)) return true;
    Set<String> own = FOLDED.get(lang);
    return own != null && own.contains(folded);
  }

  private static boolean allHiragana(String word) {
    if (word.isEmpty()) return false;
    return word.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA);
  }
}
