// The synthetic organization generator. Shape rules: docs/generate.md. Everything random
// comes from Random below (xoshiro256**, seeded by splitmix64) and integer arithmetic, so
// the output depends on the options only, never on the platform or the standard library.
#include "zeren/generate.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "zeren/date.h"
#include "zeren/member_roster.h"

namespace zeren {
namespace {

using uint128 = unsigned __int128;

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// xoshiro256** with its own integer range mapping (std distributions differ between
// standard libraries). Each part of the model draws from its own stream, so that changing
// how incidents are drawn, say, leaves the tree as it was.
class Random {
 public:
  Random(uint64_t seed, uint64_t stream) {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
    for (uint64_t& s : s_) s = SplitMix64(&x);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) by multiply-shift (bias below 2^-40 for the n used here); n > 0.
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>((uint128{Next()} * n) >> 64); }
  int64_t Between(int64_t low, int64_t high) {  // inclusive
    return low + static_cast<int64_t>(Below(static_cast<uint64_t>(high - low + 1)));
  }
  bool OneIn(uint64_t n) { return Below(n) == 0; }
  bool Percent(uint64_t p) { return Below(100) < p; }

  // A heavy tail: 2^k to 2^(k+1)-1 with probability 2^-(k+1), k capped at 8, so that
  // P(weight > x) falls like 1/x (Zipf-like), from 1 to 511.
  uint64_t HeavyWeight() {
    const int k = __builtin_ctzll(Next() | (uint64_t{1} << 8));
    return (uint64_t{1} << k) + Below(uint64_t{1} << k);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

enum Stream : uint64_t {
  kTreeStream = 1,
  kMemberStream,
  kNameStream,
  kPostStream,
  kDirectiveStream,
  kIncidentStream,
  kAssessStream,
  kMemberAppraisalStream,  // members' appraisals, drawn as their rows are made
};

enum class Kind : uint8_t {
  kLeadingGroup,
  kOrganCommittee,
  kDisciplineCommission,
  kCommittee,
  kGeneralBranch,
  kBranch,
  kGroup,
  kPending,        // not yet decided: committee, general branch or branch
  kPendingBranch,  // under a general branch: a branch, with groups or not
};

absl::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kLeadingGroup: return "leading_group";
    case Kind::kOrganCommittee: return "organ_committee";
    case Kind::kDisciplineCommission: return "discipline_commission";
    case Kind::kCommittee: return "committee";
    case Kind::kGeneralBranch: return "general_branch";
    case Kind::kGroup: return "group";
    default: return "branch";
  }
}

bool IsCommitteeLike(Kind kind) {  // issues directives, holds duties, has a discipline body
  return kind == Kind::kLeadingGroup || kind == Kind::kOrganCommittee ||
         kind == Kind::kCommittee;
}

// ---- text -------------------------------------------------------------------------------

void AppendPadded(std::string* out, uint64_t value, int width) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

std::string PaddedId(absl::string_view prefix, uint64_t value, int width) {
  std::string id(prefix);
  AppendPadded(&id, value, width);
  return id;
}

int DigitsOf(uint64_t value) {
  int n = 1;
  while (value >= 10) {
    value /= 10;
    ++n;
  }
  return n;
}

constexpr absl::string_view kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1..9999 in Chinese numerals: 三, 十二, 二十, 一百零五, 一千二百三十四.
std::string ChineseNumber(uint32_t n) {
  if (n == 0 || n > 9999) return absl::StrCat(n);
  std::string out;
  constexpr absl::string_view kPowers[] = {"千", "百", "十", ""};
  constexpr uint32_t kValues[] = {1000, 100, 10, 1};
  bool zero = false;
  for (int i = 0; i < 4; ++i) {
    const uint32_t digit = n / kValues[i] % 10;
    if (digit == 0) {
      if (!out.empty()) zero = true;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    if (!(i == 2 && digit == 1 && out.empty())) absl::StrAppend(&out, kDigits[digit]);  // 十二
    absl::StrAppend(&out, kPowers[i]);
  }
  return out;
}

// Invented names only: syllables and characters combined at random.
constexpr absl::string_view kPlaceSyllables[] = {
    "青", "川", "安", "平", "江", "山", "河", "东", "西", "南", "北", "宁", "阳", "林",
    "泉", "源", "兴", "和", "丰", "祥", "云", "石", "桥", "溪", "湖", "岭", "庄", "新",
    "永", "长", "清", "明", "华", "凤", "龙", "金", "玉", "白", "松", "柳", "梅", "桃",
    "德", "嘉", "康", "瑞", "盛", "泰", "远", "茂"};
constexpr absl::string_view kDepartments[] = {
    "办公室", "综合科", "财务科", "人事科", "宣传科", "组织科", "一车间", "二车间",
    "三车间", "教研室", "后勤处", "信息中心", "研究室", "业务一处", "业务二处", "法规处",
    "离退休干部", "机关", "青年", "社区", "服务中心", "项目部", "检测站", "档案室"};
constexpr absl::string_view kTownSuffixes[] = {"省", "市", "县", "镇"};
constexpr absl::string_view kInstitutionSuffixes[] = {"公司", "学校", "医院", "街道", "集团", "学院"};
constexpr absl::string_view kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
    "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
    "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢",
    "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟",
    "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆",
    "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟",
    "龙", "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖",
    "欧阳", "司马"};
constexpr absl::string_view kGivenChars[] = {
    "明", "远", "晓", "岚", "建", "国", "华", "伟", "芳", "敏", "静", "丽", "强", "磊",
    "军", "洋", "勇", "艳", "杰", "娟", "涛", "超", "秀", "霞", "平", "刚", "桂", "英",
    "文", "辉", "力", "鹏", "玲", "宇", "飞", "红", "亮", "斌", "波", "宁", "婷", "雪",
    "琳", "丹", "凯", "浩", "峰", "燕", "春", "梅", "志", "俊", "欣", "怡", "晨", "阳",
    "思", "佳", "颖", "瑶", "博", "轩", "然", "悦", "哲", "航", "锋", "振", "海", "松",
    "子", "嘉", "雨", "梓", "若", "诗", "德", "安", "清", "和", "立", "新", "永", "正"};

template <size_t N>
absl::string_view Pick(Random& random, const absl::string_view (&table)[N]) {
  return table[random.Below(N)];
}

std::string PersonName(Random& random) {
  std::string name(Pick(random, kSurnames));
  absl::StrAppend(&name, Pick(random, kGivenChars));
  if (!random.OneIn(4)) absl::StrAppend(&name, Pick(random, kGivenChars));
  return name;
}

std::string PlaceName(Random& random) {
  return absl::StrCat(Pick(random, kPlaceSyllables), Pick(random, kPlaceSyllables));
}

// ---- the tree ---------------------------------------------------------------------------

// Units per level: 1 at the root, then floor(R^l), the last level taking what is left, with
// R (fixed point, 16 fraction bits) the largest ratio for which the levels fit in `units`.
// The depth shrinks when the units cannot fill every level with a ratio of at least 2.
std::vector<int64_t> LevelSizes(int64_t units, int depth) {
  if (units == 1) return {1};
  int d = 2;
  while (d < depth && (int64_t{1} << (d + 1)) - 1 <= units) ++d;
  const auto sizes_for = [&](uint64_t ratio, std::vector<int64_t>* sizes) {
    sizes->assign(1, 1);
    int64_t total = 1;
    uint128 power = uint128{1} << 16;
    const uint128 cap = uint128(units + 1) << 16;
    for (int l = 1; l < d; ++l) {
      power = std::min<uint128>((power * ratio) >> 16, cap);
      const int64_t n = static_cast<int64_t>(power >> 16);
      sizes->push_back(n);
      total += n;
    }
    return total;
  };
  uint64_t low = uint64_t{2} << 16, high = uint64_t(units + 1) << 16;
  std::vector<int64_t> sizes;
  while (high - low > 1) {  // sizes_for(low) fits, sizes_for(high) does not
    const uint64_t mid = low + (high - low) / 2;
    (sizes_for(mid, &sizes) <= units ? low : high) = mid;
  }
  const int64_t total = sizes_for(low, &sizes);
  sizes.back() += units - total;
  // The root leads its discipline body and organ committee besides the ratio's share.
  if (d >= 3 && sizes.back() - 2 >= sizes[d - 2]) {
    sizes[1] += 2;
    sizes.back() -= 2;
  }
  return sizes;
}

struct Tree {
  std::vector<uint32_t> level_start;  // units of level l: [level_start[l], level_start[l+1])
  std::vector<uint8_t> level;
  std::vector<Kind> kind;
  std::vector<uint32_t> parent;                 // the root's is itself
  std::vector<uint32_t> child_begin, child_end;  // children are contiguous
  std::vector<uint32_t> second_parent;          // kNone, or a dual leader
  std::vector<uint8_t> first_tenths;            // the first parent's weight in tenths
  std::vector<int64_t> members;
  uint32_t size() const { return static_cast<uint32_t>(kind.size()); }
  int depth() const { return static_cast<int>(level_start.size()) - 1; }
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
};

// Opens some of the candidates of a level (they lead units on the next level) and
// resolves every candidate's kind; returns the open ones with their fan-out weights.
void OpenLevel(Tree& tree, int l, int depth, int64_t next_size, Random& random,
               std::vector<uint32_t>* open, std::vector<uint64_t>* weights) {
  open->clear();
  weights->clear();
  std::vector<uint32_t> candidates;
  uint32_t forced = Tree::kNone;
  for (uint32_t u = tree.level_start[l]; u < tree.level_start[l + 1]; ++u) {
    const Kind k = tree.kind[u];
    if (k == Kind::kLeadingGroup || k == Kind::kOrganCommittee) {
      forced = u;
    } else if (k == Kind::kPending || k == Kind::kPendingBranch) {
      candidates.push_back(u);
    }
  }
  // Which candidates would lead units: a pending unit 7 times in 8, a branch under a
  // general branch (it would have groups) 1 time in 16. While two or more levels remain
  // below the next, one pending unit at least opens as a committee, so that the next level
  // has candidates again.
  const bool need_committee = l <= depth - 4;
  std::vector<uint32_t> wish;
  uint32_t first_pending = Tree::kNone;
  bool pending_wished = false;
  for (uint32_t u : candidates) {
    const bool branch = tree.kind[u] == Kind::kPendingBranch;
    if (!branch && first_pending == Tree::kNone) first_pending = u;
    if (branch ? random.OneIn(16) : !random.OneIn(8)) {
      wish.push_back(u);
      pending_wished = pending_wished || !branch;
    }
  }
  if (!pending_wished && first_pending != Tree::kNone &&
      (need_committee || (wish.empty() && forced == Tree::kNone))) {
    wish.insert(std::lower_bound(wish.begin(), wish.end(), first_pending), first_pending);
  }
  if (wish.empty() && forced == Tree::kNone && !candidates.empty()) wish.push_back(candidates[0]);
  // Every leading unit gets two subordinates at least: at most next_size / 2 open.
  const int64_t w = static_cast<int64_t>(wish.size());
  const int64_t cap = next_size / 2 - (forced == Tree::kNone ? 0 : 1);
  const int64_t keep = std::min<int64_t>(w, std::max<int64_t>(cap, forced == Tree::kNone ? 1 : 0));
  bool have_committee = forced != Tree::kNone && l > 0;
  int64_t chosen = 0;
  size_t next_wish = 0;
  for (uint32_t u : candidates) {
    Kind& k = tree.kind[u];
    const bool wished = next_wish < wish.size() && wish[next_wish] == u;
    if (wished) ++next_wish;
    // Selection sampling (Knuth's algorithm S): `keep` of the wishes, in order.
    const bool take =
        wished && static_cast<int64_t>(random.Below(w - (next_wish - 1))) < keep - chosen;
    if (!take) {
      k = Kind::kBranch;
      continue;
    }
    ++chosen;
    if (k == Kind::kPendingBranch) {
      k = Kind::kBranch;  // with groups
    } else if (l >= depth - 2) {
      k = random.OneIn(16) ? Kind::kBranch : Kind::kGeneralBranch;
    } else if (l == depth - 3) {
      k = random.OneIn(2) ? Kind::kGeneralBranch : Kind::kCommittee;
    } else {
      k = random.OneIn(8) && (have_committee || !need_committee) ? Kind::kGeneralBranch
                                                                 : Kind::kCommittee;
      have_committee = have_committee || k == Kind::kCommittee;
    }
    open->push_back(u);
  }
  if (forced != Tree::kNone) open->insert(open->begin(), forced);
  for (uint32_t u : *open) {
    weights->push_back(tree.kind[u] == Kind::kBranch ? 0 : random.HeavyWeight());
  }
}

// The kind of the i-th of `count` children of a unit of kind `parent`.
Kind ChildKind(Kind parent, uint32_t i, uint32_t count) {
  switch (parent) {
    case Kind::kLeadingGroup:
      if (count >= 2 && i == 0) return Kind::kDisciplineCommission;
      if (i == (count >= 2 ? 1u : 0u)) return Kind::kOrganCommittee;
      return Kind::kPending;
    case Kind::kCommittee:
      return count >= 3 && i == 0 ? Kind::kDisciplineCommission : Kind::kPending;
    case Kind::kGeneralBranch: return Kind::kPendingBranch;
    case Kind::kBranch: return Kind::kGroup;
    default: return Kind::kPending;
  }
}

Tree BuildTree(int64_t units, int depth, Random& random) {
  const std::vector<int64_t> sizes = LevelSizes(units, depth);
  const int d = static_cast<int>(sizes.size());
  Tree tree;
  tree.kind.reserve(units);
  tree.parent.reserve(units);
  tree.level.reserve(units);
  tree.level_start = {0, 1};
  tree.kind.push_back(Kind::kLeadingGroup);
  tree.parent.push_back(0);
  tree.level.push_back(0);
  std::vector<uint32_t> open;
  std::vector<uint64_t> weights;
  std::vector<int64_t> fanout;
  for (int l = 0; l + 1 < d; ++l) {
    const int64_t n = sizes[l + 1];
    OpenLevel(tree, l, d, n, random, &open, &weights);
    const int64_t k = static_cast<int64_t>(open.size());
    if (k == 0) break;  // cannot happen: every level but the last keeps a committee open
    const int64_t base = n >= 2 * k ? 2 : 1;
    const int64_t extra = n - base * k;
    uint64_t total_weight = 0;
    for (uint64_t w : weights) total_weight += w;
    fanout.assign(k, base);
    int64_t given = 0;
    for (int64_t i = 0; i < k && total_weight > 0; ++i) {
      const int64_t share =
          static_cast<int64_t>(uint128(extra) * weights[i] / total_weight);
      fanout[i] += share;
      given += share;
    }
    // The rest, one each, from a random parent on.
    const int64_t start = static_cast<int64_t>(random.Below(k));
    for (int64_t i = 0; given < extra; ++i, ++given) ++fanout[(start + i) % k];
    for (int64_t i = 0; i < k; ++i) {
      const uint32_t p = open[i];
      const uint32_t count = static_cast<uint32_t>(fanout[i]);
      for (uint32_t c = 0; c < count; ++c) {
        tree.kind.push_back(ChildKind(tree.kind[p], c, count));
        tree.parent.push_back(p);
        tree.level.push_back(static_cast<uint8_t>(l + 1));
      }
    }
    tree.level_start.push_back(tree.size());
  }
  for (Kind& k : tree.kind) {
    if (k == Kind::kPending || k == Kind::kPendingBranch) k = Kind::kBranch;
  }
  const uint32_t size = tree.size();
  tree.child_begin.assign(size, 0);
  tree.child_end.assign(size, 0);
  for (uint32_t u = size; u-- > 1;) {  // children are contiguous and in order
    const uint32_t p = tree.parent[u];
    if (tree.child_end[p] == 0) tree.child_end[p] = u + 1;
    tree.child_begin[p] = u;
  }
  return tree;
}

// A few branches (about 1 in 128 of those under a committee or general branch) are led by
// a second unit on their parent's level, with weights of tenths summing to 1.
void AddDualLeadership(Tree& tree, Random& random) {
  tree.second_parent.assign(tree.size(), Tree::kNone);
  tree.first_tenths.assign(tree.size(), 10);
  for (uint32_t u = 1; u < tree.size(); ++u) {
    const uint32_t p = tree.parent[u];
    if (tree.kind[u] != Kind::kBranch || tree.level[u] < 2 ||
        !(tree.kind[p] == Kind::kCommittee || tree.kind[p] == Kind::kGeneralBranch) ||
        !random.OneIn(128)) {
      continue;
    }
    const uint32_t first = tree.level_start[tree.level[p]];
    const uint32_t count = tree.level_start[tree.level[p] + 1] - first;
    for (int attempt = 0; attempt < 8; ++attempt) {
      const uint32_t q = first + static_cast<uint32_t>(random.Below(count));
      const Kind k = tree.kind[q];
      if (q != p && (k == Kind::kCommittee || k == Kind::kGeneralBranch)) {
        tree.second_parent[u] = q;
        tree.first_tenths[u] = static_cast<uint8_t>(random.Between(5, 8));
        break;
      }
    }
  }
}

// Members sit at branches: 3 to 50 each, 1 in 32 from 51 to 500, 1 in 1024 from 500 to
// 3500. A given total is spread in proportion to these natural counts.
int64_t AssignMembers(Tree& tree, int64_t requested, Random& random) {
  tree.members.assign(tree.size(), 0);
  std::vector<uint32_t> branches;
  int64_t natural = 0;
  for (uint32_t u = 0; u < tree.size(); ++u) {
    if (tree.kind[u] != Kind::kBranch) continue;
    int64_t m = random.Between(3, 50);
    if (random.OneIn(32)) m = random.Between(51, 500);
    if (random.OneIn(1024)) m = random.Between(500, 3500);
    tree.members[u] = m;
    natural += m;
    branches.push_back(u);
  }
  if (requested == kAutoMembers) return natural;
  if (branches.empty()) {
    tree.members[0] = requested;
    return requested;
  }
  int64_t given = 0;
  for (uint32_t u : branches) {
    tree.members[u] = static_cast<int64_t>(uint128(requested) * tree.members[u] / natural);
    given += tree.members[u];
  }
  const size_t start = random.Below(branches.size());
  for (size_t i = 0; given < requested; ++i, ++given) {
    ++tree.members[branches[(start + i) % branches.size()]];
  }
  return requested;
}

// ---- the document -----------------------------------------------------------------------

constexpr absl::string_view kDirectiveTitles[] = {
    "关于推进党支部标准化规范化建设的工作部署", "关于开展党纪学习教育的通知",
    "关于加强基层党组织书记队伍建设的意见", "关于落实全面从严治党主体责任清单的通知",
    "关于开展作风建设专项整治的工作方案", "关于做好年度党员发展工作的通知",
    "关于规范党费收缴管理的通知", "关于深化模范机关创建的实施意见",
    "关于开展主题党日活动的安排", "关于做好巡察整改工作的通知"};
constexpr absl::string_view kReviewNotes[] = {
    "台账资料齐全，组织生活规范", "整改措施落实不到位，需再次督办", "任务按期完成，成效明显",
    "支部书记空缺，任务尚未启动", "部分党员学习记录缺失"};
constexpr absl::string_view kBonusReasons[] = {
    "支部标准化建设经验在全系统交流推广", "主题党日活动获上级通报表扬", "党建课题获评优秀研究成果",
    "党员志愿服务获评先进集体"};
constexpr absl::string_view kDimensions[] = {"integrity", "grassroots", "ideology"};

class Generator {
 public:
  Generator(const GenerateOptions& options, Tree tree, int64_t members, bool member_people)
      : options_(options), tree_(std::move(tree)), members_(members),
        member_people_(member_people) {
    y0_ = *ParseDate(absl::StrFormat("%04d-01-01", options.year));
    y1_ = *ParseDate(absl::StrFormat("%04d-01-01", options.year + 1));
    const uint64_t n = tree_.size();
    unit_width_ = std::max(6, DigitsOf(n - 1));
    person_width_ = std::max(7, DigitsOf(16 * n));  // leaders: at most about 16 a unit
    member_width_ = std::max(7, DigitsOf(static_cast<uint64_t>(members_)));
  }

  absl::StatusOr<ModelData> Run() {
    ModelData& d = data_;
    d.name = absl::StrCat("合成组织（", tree_.size(), " 个单位，种子 ", options_.seed, "）");
    d.extras.emplace_back("x_generator",
                          absl::StrFormat("{\"units\":%d,\"members\":%d,\"seed\":%d,\"depth\":%d,"
                                          "\"member_people\":%s,\"year\":%d}",
                                          options_.units, members_, options_.seed,
                                          options_.depth, member_people_ ? "true" : "false",
                                          options_.year));
    Units();
    Progress(0.1);
    if (absl::Status status = People(); !status.ok()) return status;
    Progress(0.75);
    Directives();
    Progress(0.85);
    Incidents();
    Progress(0.9);
    Assessment();
    Progress(1.0);
    return std::move(data_);
  }

 private:
  void Progress(double fraction) {
    if (options_.progress) options_.progress(fraction);
  }

  const std::string& UnitId(uint32_t u) const { return data_.units[u].id; }

  std::string PersonId(uint32_t p) const { return PaddedId("p", p, person_width_); }
  // Member ids have their own prefix and a fixed width, so rows come in id order (the
  // roster needs no sort) and no record person's id falls in the roster's id range.
  std::string MemberId(uint64_t row) const { return PaddedId("m", row, member_width_); }

  // ---- units ----

  void Units() {
    Random random(options_.seed, kNameStream);
    const uint32_t n = tree_.size();
    data_.units.resize(n);
    stem_.resize(n);
    for (uint32_t u = 0; u < n; ++u) {
      Unit& unit = data_.units[u];
      unit.id = PaddedId("u", u, unit_width_);
      unit.kind = std::string(KindName(tree_.kind[u]));
      unit.members = tree_.members[u];
      unit.name = UnitName(u, random);
      if (u == 0) continue;
      const uint32_t p = tree_.parent[u];
      unit.parents.reserve(tree_.second_parent[u] == Tree::kNone ? 1 : 2);
      unit.parents.push_back(ParentRef{data_.units[p].id, std::nullopt, {}});
      if (tree_.second_parent[u] != Tree::kNone) {
        const int tenths = tree_.first_tenths[u];
        unit.parents[0].weight = tenths / 10.0;
        unit.parents.push_back(
            ParentRef{data_.units[tree_.second_parent[u]].id, (10 - tenths) / 10.0, {}});
      }
    }
  }

  std::string UnitName(uint32_t u, Random& random) {
    const Kind kind = tree_.kind[u];
    const uint32_t p = tree_.parent[u];
    const uint32_t ordinal = u - tree_.child_begin[p] + 1;
    switch (kind) {
      case Kind::kLeadingGroup:
        stem_[u] = "某部";
        return "某部党组";
      case Kind::kOrganCommittee: return "某部机关党委";
      case Kind::kDisciplineCommission:
        return u == 1 ? "某部纪检监察组" : absl::StrCat(stem_[p], "纪委");
      case Kind::kCommittee: {
        const int level = tree_.level[u];
        if (level <= 4) {
          stem_[u] = absl::StrCat(PlaceName(random), kTownSuffixes[level - 1]);
          return absl::StrCat(stem_[u], level <= 3 ? "委" : "党委");
        }
        stem_[u] = absl::StrCat(PlaceName(random), Pick(random, kInstitutionSuffixes));
        return absl::StrCat(stem_[u], "党委");
      }
      case Kind::kGeneralBranch:
        return absl::StrCat(Pick(random, kDepartments), "党总支");
      case Kind::kGroup: return absl::StrCat("第", ChineseNumber(ordinal), "党小组");
      default:
        if (tree_.kind[p] == Kind::kGeneralBranch) {
          return absl::StrCat("第", ChineseNumber(ordinal), "党支部");
        }
        if (tree_.kind[p] == Kind::kCommittee && tree_.level[u] >= 4) {
          return absl::StrCat(PlaceName(random), random.OneIn(3) ? "社区" : "村", "党支部");
        }
        return absl::StrCat(Pick(random, kDepartments), "党支部");
    }
  }

  // ---- people and posts ----

  uint32_t NewPerson(Random& random) {
    const uint32_t index = static_cast<uint32_t>(data_.people.size());
    data_.people.push_back(Person{PersonId(index), PersonName(random), {}});
    return index;
  }

  // A start date before the year: up to six years back.
  Date PastStart(Random& random) { return y0_ - 1 - static_cast<Date>(random.Below(6 * 365)); }

  Post& AddPost(uint32_t person, uint32_t u, Role role, Date from, Date to) {
    Post& post = data_.posts.emplace_back();
    post.person = data_.people[person].id;
    post.unit = UnitId(u);
    post.role = role;
    post.held = Interval{from, to};
    return post;
  }

  // A post held since before the year; 1 in `turnover` ends during the year and passes to
  // another holder, after a vacancy of 15 to 89 days 1 time in 4 when `gaps`. Returns the
  // holders' post indices.
  std::vector<uint32_t> AddTurningPost(uint32_t u, Role role, int turnover, bool gaps,
                                       Random& random) {
    std::vector<uint32_t> posts;
    const Date from = PastStart(random);
    if (!random.OneIn(turnover)) {
      posts.push_back(static_cast<uint32_t>(data_.posts.size()));
      AddPost(NewPerson(random), u, role, from, kEndOfTime);
      return posts;
    }
    const Date end = y0_ + 30 + static_cast<Date>(random.Below(300));
    const Date gap = gaps && random.OneIn(4) ? 15 + static_cast<Date>(random.Below(75)) : 0;
    posts.push_back(static_cast<uint32_t>(data_.posts.size()));
    AddPost(NewPerson(random), u, role, from, end);
    posts.push_back(static_cast<uint32_t>(data_.posts.size()));
    AddPost(NewPerson(random), u, role, end + gap, kEndOfTime);
    return posts;
  }

  // Members go to the roster, leaders are records; each unit's people (its pool, for
  // incidents) are its members' rows and then its leaders.
  absl::Status People() {
    Random random(options_.seed, kPostStream);
    Random appraisals(options_.seed, kMemberAppraisalStream);
    const uint32_t n = tree_.size();
    // Units average 3.6 leaders, each a person with one post. Growing past the room
    // reserved would hold the old and the new arrays at once.
    const size_t leaders = static_cast<size_t>(n) * 4;
    data_.people.reserve(leaders);
    data_.posts.reserve(leaders);
    MemberRosterBuilder roster;
    if (member_people_) {
      // Each id and name ends in a NUL. Names average about 8.25 bytes (2.75 characters of
      // 3 bytes); 10 with the NUL leaves room.
      const size_t rows = static_cast<size_t>(members_);
      roster.Reserve(rows, rows * (member_width_ + 2), rows * 10);
    }
    pool_begin_.assign(n + 1, 0);
    row_begin_.assign(n + 1, 0);
    const uint32_t step = std::max<uint32_t>(1, n / 64);
    for (uint32_t u = 0; u < n; ++u) {
      pool_begin_[u] = static_cast<uint32_t>(data_.people.size());
      row_begin_[u] = roster.size();
      if (member_people_) {
        if (absl::Status status = Members(u, random, appraisals, &roster); !status.ok()) {
          return status;
        }
      }
      Leaders(u, random);
      if (u % step == 0) Progress(0.1 + 0.65 * u / n);
    }
    pool_begin_[n] = static_cast<uint32_t>(data_.people.size());
    row_begin_[n] = roster.size();
    data_.roster = roster.Build();
    return absl::OkStatus();
  }

  // Each member: a roster row, with a `staff` post in the branch held since up to 20 years
  // ago (1 in 32 during the year; 1 in 64 leaves during the year), and an appraisal.
  absl::Status Members(uint32_t u, Random& random, Random& appraisals,
                       MemberRosterBuilder* roster) {
    const int64_t m = tree_.members[u];
    if (tree_.kind[u] != Kind::kBranch && u != 0) return absl::OkStatus();
    std::string id, name;
    for (int64_t i = 0; i < m; ++i) {
      id = MemberId(roster->size());
      name = PersonName(random);
      Date from = y0_ - 1 - static_cast<Date>(random.Below(20 * 365));
      if (random.OneIn(32)) from = y0_ + static_cast<Date>(random.Below(360));
      Date to = kEndOfTime;
      if (random.OneIn(64)) {
        to = std::max<Date>(from + 1, y0_ + 1 + static_cast<Date>(random.Below(364)));
      }
      const double appraisal = appraisals.Between(600, 1000) / 10.0;
      if (absl::Status status = roster->Add(id, name, UnitId(u), Interval{from, to}, appraisal);
          !status.ok()) {
        return status;
      }
    }
    return absl::OkStatus();
  }

  void Leaders(uint32_t u, Random& random) {
    const Kind kind = tree_.kind[u];
    if (kind == Kind::kGroup) return;
    if (kind == Kind::kDisciplineCommission) {
      // A discipline body's first-responsible post is its discipline secretary (纪委书记).
      AddTurningPost(u, Role::kDisciplineSecretary, 16, true, random);
      AddTurningPost(u, u == 1 ? Role::kDeputy : Role::kMember, 20, false, random);
      return;
    }
    Secretary(u, random);
    const int level = tree_.level[u];
    if (kind == Kind::kLeadingGroup || (kind == Kind::kCommittee && level <= 3)) {
      AddTurningPost(u, Role::kHead, 16, false, random);
    }
    if (kind == Kind::kBranch) {
      if (tree_.members[u] >= 7) {  // a branch committee (支委会) from 7 members
        AddTurningPost(u, Role::kDeputy, 20, false, random);
        AddTurningPost(u, Role::kMember, 20, false, random);
        AddTurningPost(u, Role::kMember, 20, false, random);
      }
      return;
    }
    const bool few = kind == Kind::kGeneralBranch && random.OneIn(2);
    const int deputies = kind == Kind::kLeadingGroup ? 2 : few ? 0 : 1;
    for (int i = 0; i < deputies; ++i) AddTurningPost(u, Role::kDeputy, 20, false, random);
    TeamMembers(u, random);
  }

  // The first-responsible post. 1 in 256 branches and general branches lost its secretary
  // before the year and has none all year; 1 in 16 secretaries change during the year,
  // a quarter of them after a vacancy.
  void Secretary(uint32_t u, Random& random) {
    const Kind kind = tree_.kind[u];
    if ((kind == Kind::kBranch || kind == Kind::kGeneralBranch) && random.OneIn(256)) {
      const Date from = y0_ - 400 - static_cast<Date>(random.Below(2000));
      const Date to = y0_ - 1 - static_cast<Date>(random.Below(200));
      AddPost(NewPerson(random), u, Role::kSecretary, from, to);
      return;
    }
    AddTurningPost(u, Role::kSecretary, 16, true, random);
  }

  // Team members (班子成员), each in charge of a share of the unit's subordinates and
  // guiding (分片包干) up to four of the branches and general branches among them.
  void TeamMembers(uint32_t u, Random& random) {
    std::vector<uint32_t> led;
    for (uint32_t c = tree_.child_begin[u]; c < tree_.child_end[u]; ++c) {
      if (tree_.kind[c] != Kind::kDisciplineCommission) led.push_back(c);
    }
    const Kind kind = tree_.kind[u];
    const int base = kind == Kind::kLeadingGroup ? 4 : kind == Kind::kGeneralBranch ? 1 : 2;
    const int count = base + static_cast<int>(random.Below(3));
    for (int j = 0; j < count; ++j) {
      const size_t begin = led.size() * j / count, end = led.size() * (j + 1) / count;
      for (uint32_t post : AddTurningPost(u, Role::kMember, 20, false, random)) {
        Post& p = data_.posts[post];
        p.in_charge_of.reserve(end - begin);
        for (size_t i = begin; i < end; ++i) p.in_charge_of.push_back(UnitId(led[i]));
        int guided = 0;
        for (size_t i = begin; i < end && guided < 4; ++i) {
          const Kind k = tree_.kind[led[i]];
          if (k != Kind::kBranch && k != Kind::kGeneralBranch) continue;
          Link& link = data_.links.emplace_back();
          link.kind = LinkKind::kGuides;
          link.from = data_.posts[post].person;
          link.to = UnitId(led[i]);
          link.valid = data_.posts[post].held;
          ++guided;
        }
      }
    }
  }

  // ---- links and duties ----

  // A discipline body supervises its parent and its parent's other subordinates; the organ
  // committee specializes in the root's other subordinates. Guides links come with posts.
  void Supervision() {
    for (uint32_t u = 0; u < tree_.size(); ++u) {
      if (tree_.kind[u] == Kind::kDisciplineCommission) {
        const uint32_t p = tree_.parent[u];
        AddLink(LinkKind::kSupervises, u, p);
        for (uint32_t c = tree_.child_begin[p]; c < tree_.child_end[p]; ++c) {
          if (c != u) AddLink(LinkKind::kSupervises, u, c);
        }
      } else if (tree_.kind[u] == Kind::kOrganCommittee) {
        for (uint32_t c = tree_.child_begin[0]; c < tree_.child_end[0]; ++c) {
          if (c != u && tree_.kind[c] != Kind::kDisciplineCommission) {
            AddLink(LinkKind::kSpecializes, u, c);
          }
        }
      }
    }
  }

  void AddLink(LinkKind kind, uint32_t from, uint32_t to) {
    Link& link = data_.links.emplace_back();
    link.kind = kind;
    link.from = UnitId(from);
    link.to = UnitId(to);
  }

  void Duties() {
    principal_duty_.assign(tree_.size(), Tree::kNone);
    for (uint32_t u = 0; u < tree_.size(); ++u) {
      if (!IsCommitteeLike(tree_.kind[u])) continue;
      principal_duty_[u] = static_cast<uint32_t>(data_.duties.size());
      AddDuty(u, std::nullopt, DutyCategory::kPrincipal, "grassroots",
              "履行全面从严治党主体责任，把方向、管大局、保落实");
      AddDuty(u, Role::kSecretary, DutyCategory::kFirstResponsible, "",
              "书记履行第一责任人职责，重要工作亲自部署、重大问题亲自过问");
      AddDuty(u, Role::kMember, DutyCategory::kDualPost, "integrity",
              "班子成员履行一岗双责，抓好分管领域党风廉政建设");
      const uint32_t dc = tree_.child_begin[u];
      if (tree_.child_end[u] > dc && tree_.kind[dc] == Kind::kDisciplineCommission) {
        AddDuty(dc, std::nullopt, DutyCategory::kSupervisory, "integrity",
                "履行监督责任，协助党委推进全面从严治党");
      }
    }
  }

  void AddDuty(uint32_t u, std::optional<Role> role, DutyCategory category,
               absl::string_view dimension, absl::string_view text) {
    Duty& duty = data_.duties.emplace_back();
    duty.id = PaddedId("du", data_.duties.size(), 6);
    duty.holder.unit = UnitId(u);
    duty.holder.role = role;
    duty.category = category;
    duty.dimension = std::string(dimension);
    duty.text = std::string(text);
  }

  // ---- directives ----

  // Issued by the root, the organ committee and every committee: 1 to 3 a year each (the
  // root 4), reaching 1 to 3 levels down; tasks go to up to 6 subordinates per level (4
  // and 3 below), due 30 to 119 days after the directive, subtasks before their task.
  void Directives() {
    Supervision();
    Duties();
    Random random(options_.seed, kDirectiveStream);
    unit_task_.assign(tree_.size(), Tree::kNone);
    for (uint32_t u = 0; u < tree_.size(); ++u) {
      if (!IsCommitteeLike(tree_.kind[u])) continue;
      const int count = u == 0 ? 4 : 1 + static_cast<int>(random.Below(3));
      for (int i = 0; i < count; ++i) AddDirective(u, random);
    }
  }

  void AddDirective(uint32_t u, Random& random) {
    Directive& d = data_.directives.emplace_back();
    const size_t number = data_.directives.size();
    d.id = PaddedId("dv", number, 6);
    d.title = std::string(Pick(random, kDirectiveTitles));
    d.issued_by = UnitId(u);
    d.date = y0_ + static_cast<Date>(random.Below(300));
    d.reach = static_cast<int32_t>(random.Between(1, 3));
    Tasks(u, d.reach, d.date, y1_ + 60, absl::StrCat("t", number), 6, random, &d.tasks);
    if (!random.OneIn(3) || d.tasks.empty()) return;
    const int reviews = 1 + static_cast<int>(random.Below(2));
    for (int r = 0; r < reviews; ++r) {
      const Task* task = &d.tasks[random.Below(d.tasks.size())];
      if (!task->subtasks.empty() && random.OneIn(2)) {
        task = &task->subtasks[random.Below(task->subtasks.size())];
      }
      TaskReview& review = d.reviews.emplace_back();
      review.date = std::min<Date>(y1_ - 1, task->due + 10 + static_cast<Date>(random.Below(30)));
      review.task = task->id;
      const bool finished =
          task->status == TaskStatus::kDone || task->status == TaskStatus::kVerified;
      review.result = finished && !random.OneIn(5) ? ReviewResult::kPass : ReviewResult::kFail;
      review.note = std::string(Pick(random, kReviewNotes));
    }
  }

  void Tasks(uint32_t u, int reach, Date issued, Date latest_due, const std::string& prefix,
             int width, Random& random, std::vector<Task>* out) {
    std::vector<uint32_t> targets;
    for (uint32_t c = tree_.child_begin[u]; c < tree_.child_end[u]; ++c) {
      const Kind k = tree_.kind[c];
      if (k != Kind::kDisciplineCommission && k != Kind::kGroup) targets.push_back(c);
    }
    if (targets.empty()) return;
    const size_t count = std::min<size_t>(targets.size(), width);
    const size_t start = random.Below(targets.size());
    out->reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const uint32_t target = targets[(start + i) % targets.size()];
      Task& task = out->emplace_back();
      task.id = absl::StrCat(prefix, ".", i + 1);
      task.unit = UnitId(target);
      task.due = std::min<Date>(latest_due - 1, issued + 30 + static_cast<Date>(random.Below(90)));
      task.due = std::max<Date>(task.due, issued + 5);
      SetStatus(&task, issued, random);
      if (unit_task_[target] == Tree::kNone) {
        unit_task_[target] = static_cast<uint32_t>(task_ids_.size());
        task_ids_.push_back(task.id);
      }
      if (reach > 1) {
        Tasks(target, reach - 1, issued, task.due, task.id, width - 2 > 2 ? width - 2 : 3, random,
              &task.subtasks);
      }
    }
  }

  // Past due: 50% done, 20% verified (completed up to 25 days early or 10 late), 10% in
  // progress, 12% open, 8% cancelled. Due after the year: 30% open, 50% in progress, 20% done.
  void SetStatus(Task* task, Date issued, Random& random) {
    const uint64_t r = random.Below(100);
    Date completed = task->due - 25 + static_cast<Date>(random.Below(36));
    if (task->due >= y1_) {
      task->status = r < 30   ? TaskStatus::kOpen
                     : r < 80 ? TaskStatus::kInProgress
                              : TaskStatus::kDone;
    } else {
      task->status = r < 50   ? TaskStatus::kDone
                     : r < 70 ? TaskStatus::kVerified
                     : r < 80 ? TaskStatus::kInProgress
                     : r < 92 ? TaskStatus::kOpen
                              : TaskStatus::kCancelled;
    }
    if (task->status == TaskStatus::kDone || task->status == TaskStatus::kVerified) {
      task->completed = std::clamp<Date>(completed, issued, y1_ - 1);
    }
  }

  // ---- incidents ----

  // One per 20 units, at a random unit (a group's or discipline body's counts for its
  // parent); 70% minor, 22% serious, 8% grave. The direct person is one of the unit's
  // people (a member or a leader); 1 in 3 has a participant, 3 in 10 a circumstance, 2 in 5
  // a `since`; 1 in 20 shares a case with the next one.
  void Incidents() {
    Random random(options_.seed, kIncidentStream);
    const uint32_t n = tree_.size();
    const uint32_t count = std::max<uint32_t>(1, n / 20);
    data_.incidents.reserve(count);
    std::string open_case;
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t u = static_cast<uint32_t>(random.Below(n));
      if (tree_.kind[u] == Kind::kGroup || tree_.kind[u] == Kind::kDisciplineCommission) {
        u = tree_.parent[u];
      }
      Incident& incident = data_.incidents.emplace_back();
      incident.id = PaddedId("i", i + 1, 6);
      incident.unit = UnitId(u);
      incident.date = y0_ + static_cast<Date>(random.Below(365));
      if (random.Percent(40)) incident.since = incident.date - static_cast<Date>(random.Below(200));
      const uint64_t s = random.Below(100);
      incident.severity =
          s < 70 ? Severity::kMinor : s < 92 ? Severity::kSerious : Severity::kGrave;
      incident.dimension = std::string(Pick(random, kDimensions));
      if (principal_duty_[u] != Tree::kNone && random.OneIn(2)) {
        incident.duty = data_.duties[principal_duty_[u]].id;
      }
      if (unit_task_[u] != Tree::kNone && random.OneIn(3)) incident.task = task_ids_[unit_task_[u]];
      if (!open_case.empty()) {
        incident.case_id = std::move(open_case);
        open_case.clear();
      } else if (random.OneIn(20)) {
        incident.case_id = PaddedId("c", i + 1, 6);
        open_case = incident.case_id;
      }
      const uint32_t pool = PoolSize(u);
      if (pool == 0) continue;
      const uint32_t direct = static_cast<uint32_t>(random.Below(pool));
      incident.direct.push_back(PoolPerson(u, direct));
      if (pool > 1 && random.OneIn(3)) {
        uint32_t other = static_cast<uint32_t>(random.Below(pool));
        if (other == direct) other = other + 1 < pool ? other + 1 : 0;
        incident.participants.push_back(PoolPerson(u, other));
      }
      if (random.Percent(30)) {
        Circumstance& c = incident.circumstances.emplace_back();
        c.kind = static_cast<CircumstanceKind>(random.Below(8));
        if (!random.OneIn(5)) c.person = incident.direct[0];
      }
    }
  }

  // Unit u's people: its members' rows, then its leaders.
  uint32_t PoolSize(uint32_t u) const {
    return (row_begin_[u + 1] - row_begin_[u]) + (pool_begin_[u + 1] - pool_begin_[u]);
  }
  std::string PoolPerson(uint32_t u, uint32_t k) const {
    const uint32_t rows = row_begin_[u + 1] - row_begin_[u];
    if (k < rows) return std::string(data_.roster.id(row_begin_[u] + k));
    return data_.people[pool_begin_[u] + (k - rows)].id;
  }

  // ---- assessment ----

  // Every unit: both point indicators of the default scheme and a review score; every
  // unit with a secretary: a ballot on it (its members vote at a branch, 15 to 74 people
  // elsewhere); 1 in 50 units: a bonus; every leader: an appraisal (members' come with
  // their rows).
  void Assessment() {
    Random random(options_.seed, kAssessStream);
    AssessmentInputs& a = data_.assessment.emplace();
    a.period = Interval{y0_, y1_};
    const uint32_t n = tree_.size();
    a.points.reserve(2 * size_t{n});
    a.reviews.reserve(n);
    a.ballots.reserve(n);
    for (uint32_t u = 0; u < n; ++u) {
      const std::string& id = UnitId(u);
      a.points.push_back(IndicatorPoints{id, "integrity.meetings",
                                         static_cast<double>(random.Between(20, 40)), {}});
      a.points.push_back(IndicatorPoints{id, "integrity.education",
                                         static_cast<double>(random.Between(30, 60)), {}});
      a.reviews.push_back(ReviewScore{id, static_cast<double>(random.Between(60, 100)), {}});
      if (random.OneIn(50)) {
        a.bonuses.push_back(Bonus{id, static_cast<double>(random.Between(1, 3)),
                                  std::string(Pick(random, kBonusReasons)), {}});
      }
      const Kind kind = tree_.kind[u];
      if (kind == Kind::kGroup) continue;
      Ballot& b = a.ballots.emplace_back();
      b.subject = Holder{id, Role::kSecretary, {}};
      const int64_t voters =
          kind == Kind::kBranch ? std::max<int64_t>(3, tree_.members[u]) : random.Between(15, 74);
      b.good = voters * random.Between(40, 90) / 100;
      b.fairly_good = (voters - b.good) * random.Between(40, 90) / 100;
      b.average = (voters - b.good - b.fairly_good) * random.Between(50, 90) / 100;
      b.poor = voters - b.good - b.fairly_good - b.average;
    }
    a.appraisals.reserve(data_.people.size());
    for (const Person& person : data_.people) {
      a.appraisals.push_back(Appraisal{person.id, random.Between(600, 1000) / 10.0, {}});
    }
  }

  const GenerateOptions& options_;
  Tree tree_;
  int64_t members_;
  bool member_people_;
  Date y0_ = 0, y1_ = 0;
  int unit_width_ = 6, person_width_ = 7, member_width_ = 7;
  ModelData data_;
  std::vector<std::string> stem_;             // committees' place names, for their bodies
  std::vector<uint32_t> pool_begin_;          // each unit's leaders: [pool_begin_[u], [u+1])
  std::vector<uint32_t> row_begin_;           // each unit's roster rows: [row_begin_[u], [u+1])
  std::vector<uint32_t> principal_duty_;      // by unit: its principal duty, or kNone
  std::vector<uint32_t> unit_task_;           // by unit: a task it holds, into task_ids_
  std::vector<std::string> task_ids_;
};

}  // namespace

absl::Status CheckGenerateOptions(const GenerateOptions& options) {
  if (options.units < 1) return absl::InvalidArgumentError("units must be at least 1");
  if (options.units > kMaxGeneratedUnits) {
    return absl::InvalidArgumentError(
        absl::StrCat("units must be at most ", kMaxGeneratedUnits, " (32-bit indices)"));
  }
  if (options.members < kAutoMembers) {
    return absl::InvalidArgumentError(
        "members must not be negative (kAutoMembers, -1, asks for each branch's natural count)");
  }
  if (options.members > kMaxMembers) {
    return absl::InvalidArgumentError(absl::StrCat("members must be at most ", kMaxMembers));
  }
  if (options.member_people.value_or(false) && options.members > kMaxMemberPeople) {
    return absl::InvalidArgumentError(
        absl::StrCat("members must be at most ", kMaxMemberPeople,
                     " when they are people (the member roster's 4 GiB of names)"));
  }
  if (options.depth < 2 || options.depth > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat("depth must be from 2 to 12 (got ", options.depth, ")"));
  }
  if (options.year < 1900 || options.year > 9000) {
    return absl::InvalidArgumentError(
        absl::StrCat("year must be from 1900 to 9000 (got ", options.year, ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<ModelData> GenerateModelData(const GenerateOptions& options) {
  if (absl::Status status = CheckGenerateOptions(options); !status.ok()) return status;
  if (options.progress) options.progress(0.0);
  Random tree_random(options.seed, kTreeStream);
  Tree tree = BuildTree(options.units, options.depth, tree_random);
  AddDualLeadership(tree, tree_random);
  Random member_random(options.seed, kMemberStream);
  const int64_t members = AssignMembers(tree, options.members, member_random);
  const bool member_people = options.member_people.value_or(members <= kMaxMemberPeople);
  if (member_people && members > kMaxMemberPeople) {
    return absl::InvalidArgumentError(
        absl::StrCat("the ", members, " members are too many to be people (at most ",
                     kMaxMemberPeople, ", the member roster's 4 GiB of names); generate "
                     "without member people"));
  }
  return Generator(options, std::move(tree), members, member_people).Run();
}

absl::StatusOr<Model> GenerateModel(const GenerateOptions& options) {
  absl::StatusOr<ModelData> data = GenerateModelData(options);
  if (!data.ok()) return data.status();
  ProblemList problems;
  absl::StatusOr<Model> model = Model::Create(*std::move(data), &problems);
  if (!model.ok()) {
    // A bug in the generator: say so rather than blame the options.
    return absl::InternalError(
        absl::StrCat("generated model is invalid: ", model.status().message()));
  }
  return model;
}

}  // namespace zeren
