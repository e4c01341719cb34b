// The _statistics module: Modules/_statisticsmodule.c. The inverse of the normal
// distribution's CDF by Wichura's rational approximations (Algorithm AS241, Applied
// Statistics 37 (1988) 477-484): one for the central region |p - 0.5| <= 0.425 and two for
// the tails in r = sqrt(-log(min(p, 1 - p))). The polynomials are evaluated by Horner's rule
// from the highest coefficient down, the order CPython uses, so results are bit-identical.
#include "modules/_statistics/statisticsmodule.h"

#include <cmath>

#include "errors/errors.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/moduleobject.h"

namespace cppy::modules::_statistics {

using namespace objects;

namespace {

// Coefficients of AS241 (PPND16), lowest degree first.
constexpr double kCentralNum[8] = {
    3.3871328727963666080e+0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
    1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3};
constexpr double kCentralDen[8] = {
    1.0,                      4.2313330701600911252e+1, 6.8718700749205790830e+2,
    5.3941960214247511077e+3, 2.1213794301586595867e+4, 3.9307895800092710610e+4,
    2.8729085735721942674e+4, 5.2264952788528545610e+3};
constexpr double kNearNum[8] = {
    1.42343711074968357734e+0, 4.63033784615654529590e+0, 5.76949722146069140550e+0,
    3.64784832476320460504e+0, 1.27045825245236838258e+0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4};
constexpr double kNearDen[8] = {
    1.0,                       2.05319162663775882187e+0, 1.67638483018380384940e+0,
    6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2,
    5.47593808499534494600e-4, 1.05075007164441684324e-9};
constexpr double kFarNum[8] = {
    6.65790464350110377720e+0, 5.46378491116411436990e+0, 1.78482653991729133580e+0,
    2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr double kFarDen[8] = {
    1.0,                       5.99832206555887937690e-1, 1.36929880922735805310e-1,
    1.48753612908506148525e-2, 7.86869131145613259100e-4, 1.84631831751005468180e-5,
    1.42151175831644588870e-7, 2.04426310338993978564e-15};

// ((c7*r + c6)*r + ... )*r + c0.
double horner(const double (&c)[8], double r) {
  double v = c[7];
  for (int i = 6; i >= 0; --i) v = v * r + c[i];
  return v;
}

// _statistics._normal_dist_inv_cdf(p, mu, sigma, /): three doubles (PyFloat_AsDouble).
Object* normal_dist_inv_cdf_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_normal_dist_inv_cdf", nargs, 3, 3)) return nullptr;
  double v[3];
  for (int i = 0; i < 3; ++i) {
    v[i] = float_as_double(args[i]);
    if (v[i] == -1.0 && errors::occurred()) return nullptr;
  }
  bool ok = true;
  double x = normal_dist_inv_cdf(v[0], v[1], v[2], &ok);
  if (!ok) return errors::format(exc_ValueError, "inv_cdf undefined for these parameters");
  return float_from_double(x);
}

MethodDef statistics_methods[] = {
    {"_normal_dist_inv_cdf", reinterpret_cast<void*>(normal_dist_inv_cdf_fn), kMethFastcall,
     "_normal_dist_inv_cdf($module, p, mu, sigma, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef statistics_def = {"_statistics", "Accelerators for the statistics module.\n",
                            statistics_methods, nullptr};

}  // namespace

// _statistics__normal_dist_inv_cdf_impl.
double normal_dist_inv_cdf(double p, double mu, double sigma, bool* ok) {
  *ok = false;
  // The same comparisons as CPython's: a NaN p or mu passes them and gives NaN.
  // Only p is checked (3.14 leaves sigma to NormalDist): sigma 0 gives mu.
  if (p <= 0.0 || p >= 1.0) return 0.0;
  double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    double r = 0.180625 - q * q;
    double num = horner(kCentralNum, r) * q;
    double den = horner(kCentralDen, r);
    if (den == 0.0) return 0.0;
    *ok = true;
    return mu + (num / den) * sigma;
  }
  double r = q <= 0.0 ? p : 1.0 - p;
  if (r <= 0.0 || r >= 1.0) return 0.0;
  r = std::sqrt(-std::log(r));
  double num, den;
  if (r <= 5.0) {
    r = r - 1.6;
    num = horner(kNearNum, r);
    den = horner(kNearDen, r);
  } else {
    r -= 5.0;
    num = horner(kFarNum, r);
    den = horner(kFarDen, r);
  }
  if (den == 0.0) return 0.0;
  double x = num / den;
  if (q < 0.0) x = -x;
  *ok = true;
  return mu + x * sigma;
}

ModuleDef* module_def() { return &statistics_def; }

}  // namespace cppy::modules::_statistics
