classdef dlnetwork < bigru.internal.Network
%DLNETWORK  A network of trainnet's idiom: its layers have no output layer (they end with softmaxLayer for
%   classification, with the output fullyConnectedLayer for regression); trainnet trains it with a loss, and
%   minibatchpredict, predict and testnet use it.
%   net = bigru.dlnetwork(layers)   a network with initialized weights (drawn from rand, so rng(s) repeats them),
%                                   which trainnet(X, T, net, lossFcn, options) trains from
%   Properties: Layers, Learnables (a table in MATLAB, a struct of columns in Octave: Layer, Parameter and Size
%   of each learnable parameter, as MATLAB names and shapes them), InputNames, OutputNames, Initialized.
%   save and load keep it in a MAT-file in MATLAB (saveobj/loadobj); in Octave use bigru.saveNetwork and
%   bigru.loadNetwork.
  properties (Dependent)
    Learnables
  end
  properties (SetAccess = protected)
    Initialized = true
  end
  methods
    function net = dlnetwork(arg, varargin)
      fname = 'dlnetwork';
      jnet = [];
      if nargin > 0
        try
          if isjava(arg)
            jnet = arg;
          else
            if ~isempty(varargin)
              bigru.internal.fail(fname, 'wrongArgumentCount', 'expected dlnetwork(layers)');
            end
            la = bigru.internal.layerArray(arg, fname);
            try
              jnet = javaMethod('initialize', bigru.internal.javaClass('MatlabNetwork'), la, floor(rand() * 2^31));
            catch err
              bigru.internal.javaError(err, fname, 'invalidLayers');
            end
          end
        catch err
          bigru.internal.raise(err);
        end
      end
      net@bigru.internal.Network(jnet);
    end

    function t = get.Learnables(net)
      rows = reshape(bigru.internal.cellOfStrings(net.Java.learnables()), 4, []);
      sizes = arrayfun(@(i) [str2double(rows{3, i}), str2double(rows{4, i})], 1:size(rows, 2), ...
                       'UniformOutput', false);
      t = struct('Layer', {rows(1, :)'}, 'Parameter', {rows(2, :)'}, 'Size', {sizes'});
      if exist('OCTAVE_VERSION', 'builtin') == 0
        t = struct2table(t);
      end
    end

  end
end
