// The _statistics module: Modules/_statisticsmodule.c (_normal_dist_inv_cdf, the accelerator
// of statistics.NormalDist.inv_cdf).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_statistics {

ModuleDef* module_def();

// _statistics__normal_dist_inv_cdf_impl without the error: *ok false when undefined (p
// outside (0, 1)), which the module turns into ValueError.
double normal_dist_inv_cdf(double p, double mu, double sigma, bool* ok);

}  // namespace cppy::modules::_statistics
