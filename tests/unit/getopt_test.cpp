#include "cli/getopt.h"

#include <gtest/gtest.h>

#include "cli/options.h"

namespace cppy::cli {
namespace {

constexpr LongOption kNoLong[] = {{nullptr, false, 0}};

TEST(GetOpt, ClustersAndArguments) {
  std::vector<std::string> argv = {"cppy", "-OOv", "-W", "error", "-Xdev", "script.py", "-x"};
  GetOpt g(argv, "OvW:X:", kNoLong);
  EXPECT_EQ(g.next(), 'O');
  EXPECT_EQ(g.next(), 'O');
  EXPECT_EQ(g.next(), 'v');
  EXPECT_EQ(g.next(), 'W');
  EXPECT_EQ(g.optarg(), "error");
  EXPECT_EQ(g.next(), 'X');
  EXPECT_EQ(g.optarg(), "dev");
  EXPECT_EQ(g.next(), -1);
  EXPECT_EQ(g.optind(), 5u);
}

TEST(GetOpt, DoubleDashEndsOptions) {
  std::vector<std::string> argv = {"cppy", "--", "-O"};
  GetOpt g(argv, "O", kNoLong);
  EXPECT_EQ(g.next(), -1);
  EXPECT_EQ(g.optind(), 2u);
}

TEST(CommandLine, CommandTerminatesOptions) {
  auto parsed = parse_command_line({"cppy", "-B", "-c", "print(1)", "-O", "x"});
  ASSERT_FALSE(parsed.exit_now);
  EXPECT_TRUE(parsed.config.dont_write_bytecode);
  EXPECT_EQ(parsed.config.run_command.value(), "print(1)\n");
  EXPECT_EQ(parsed.config.optimization_level, 0);
  EXPECT_EQ(parsed.config.argv, (std::vector<std::string>{"-c", "-O", "x"}));
}

TEST(CommandLine, ScriptArguments) {
  auto parsed = parse_command_line({"cppy", "-I", "prog.py", "a", "-b"});
  ASSERT_FALSE(parsed.exit_now);
  EXPECT_TRUE(parsed.config.isolated);
  EXPECT_TRUE(parsed.config.safe_path);
  EXPECT_EQ(parsed.config.bytes_warning, 0);
  EXPECT_EQ(parsed.config.run_filename.value(), "prog.py");
  EXPECT_EQ(parsed.config.argv, (std::vector<std::string>{"prog.py", "a", "-b"}));
}

TEST(CommandLine, ModuleAndStdin) {
  auto module = parse_command_line({"cppy", "-m", "json.tool", "f"});
  EXPECT_EQ(module.config.run_module.value(), "json.tool");
  EXPECT_EQ(module.config.argv, (std::vector<std::string>{"-m", "f"}));
  auto stdin_run = parse_command_line({"cppy", "-", "arg"});
  EXPECT_EQ(stdin_run.config.run_filename.value(), "-");
  EXPECT_EQ(stdin_run.config.argv, (std::vector<std::string>{"-", "arg"}));
  auto bare = parse_command_line({"cppy"});
  EXPECT_FALSE(bare.config.run_filename.has_value());
  EXPECT_EQ(bare.config.argv, (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace cppy::cli
