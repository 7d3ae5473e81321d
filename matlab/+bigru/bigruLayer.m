function layer = bigruLayer(numHiddenUnits, varargin)
%BIGRULAYER  A bidirectional GRU layer: a forward and a backward GRU, their outputs joined.
%   layer = bigru.bigruLayer(numHiddenUnits, Name, Value, ...)
%   'OutputMode'     'sequence' (default: every time step) or 'last' (the final state of each direction)
%   'ResetGateMode'  'after-multiplication' (default, MATLAB's), 'recurrent-bias-after-multiplication'
%                    (PyTorch, Keras reset_after=true) or 'before-multiplication' (Keras reset_after=false)
%   'MergeMode'      how the directions are joined: 'concat' (default, 2*numHiddenUnits outputs), 'sum',
%                    'ave' or 'mul'
%   'Name'           layer name
o = bigru.internal.nameValue('bigruLayer', struct('Name', '', 'OutputMode', 'sequence', ...
    'ResetGateMode', 'after-multiplication', 'MergeMode', 'concat'), varargin);
if nargin < 1
  error('bigru:invalidArgument', 'bigruLayer: numHiddenUnits is required');
end
layer = bigru.internal.layer('bigru', o.Name, ...
    'NumHiddenUnits', bigru.internal.count(numHiddenUnits, 'bigruLayer', 'numHiddenUnits'), ...
    'OutputMode', bigru.internal.choice(o.OutputMode, 'bigruLayer', 'OutputMode', {'sequence', 'last'}), ...
    'ResetGateMode', bigru.internal.choice(o.ResetGateMode, 'bigruLayer', 'ResetGateMode', ...
        {'after-multiplication', 'recurrent-bias-after-multiplication', 'before-multiplication'}), ...
    'MergeMode', bigru.internal.choice(o.MergeMode, 'bigruLayer', 'MergeMode', {'concat', 'sum', 'ave', 'mul'}));
end
